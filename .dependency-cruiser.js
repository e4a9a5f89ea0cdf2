// @ts-check
/**
 * The layer check (DESIGN §1), run by `npm run layers` inside `npm test`:
 *   kernel ← intents ← handlers ← bot ← local      (infra beside bot; test may import anything)
 * `kernel/` imports nothing of ours; `intents/` only the kernel; `handlers/` never the Slack side,
 * the local stack or any `@slack/*` package; nothing outside `local/` and `test/` imports `local/`;
 * nothing outside `test/` imports `test/`; and no import cycle anywhere.
 */
const OURS = '^(kernel|intents|handlers|bot|infra|local|test)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'kernel-imports-nothing-of-ours',
      comment: 'kernel/ holds what every layer shares (error base, plain-copy); it depends on no layer.',
      severity: 'error',
      from: { path: '^kernel/' },
      to: { path: OURS, pathNot: '^kernel/' },
    },
    {
      name: 'intents-is-the-catalog-only',
      comment:
        'intents/ is the declarative catalog: it may import the kernel and itself, nothing else of ours.',
      severity: 'error',
      from: { path: '^intents/' },
      to: { path: '^(handlers|bot|infra|local|test)/' },
    },
    {
      name: 'handlers-know-no-transport',
      comment: 'handlers/ is the core: never bot/, infra/, local/ or test/.',
      severity: 'error',
      from: { path: '^handlers/' },
      to: { path: '^(bot|infra|local|test)/' },
    },
    {
      name: 'handlers-know-no-slack',
      comment: 'handlers/ never imports a Slack package: Slack lives behind the chat-notifier port in bot/.',
      severity: 'error',
      from: { path: '^handlers/' },
      to: { path: 'node_modules/@slack/' },
    },
    {
      name: 'bot-is-not-local',
      comment: 'bot/ (the Slack side, deployed) never imports the local stack, infra or tests.',
      severity: 'error',
      from: { path: '^bot/' },
      to: { path: '^(infra|local|test)/' },
    },
    {
      name: 'infra-is-not-local',
      comment: 'infra/ reads the catalog and the table schema as data; never the local stack or tests.',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^(local|test)/' },
    },
    {
      name: 'nobody-imports-local',
      comment: 'local/ is the composition root of `npm start`: only local/ and test/ may import it.',
      severity: 'error',
      from: { pathNot: '^(local|test)/' },
      to: { path: '^local/' },
    },
    {
      name: 'nobody-imports-test',
      comment: 'test/ is imported by tests only.',
      severity: 'error',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycle anywhere (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    includeOnly: { path: ['^(kernel|intents|handlers|bot|infra|local|test)/', 'node_modules/@slack/'] },
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
