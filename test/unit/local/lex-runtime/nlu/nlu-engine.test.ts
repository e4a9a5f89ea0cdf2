import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import { NluEngine } from '../../../../../local/lex-runtime/nlu/nlu-engine';
import { SlotExtractor } from '../../../../../local/lex-runtime/nlu/slot-extractor';
import { loadNluEvalSet, NLU_EVAL_PARTS } from '../../../../bench/nlu.bench';

/** Floors that guard against regressions; the targets are checked by `npm run bench`. */
const FLOOR = { intent: 0.9, fallback: 0.85, slots: 0.85 };

let engine: NluEngine;
beforeAll(async () => {
  engine = await NluEngine.create(compileBotModel(toBotLocale(catalog)));
});

describe('NluEngine', () => {
  it('scores an exact sample utterance 1.0 and extracts its slot', async () => {
    // Prepare
    const text = 'status of pipeline payments-api';

    // Act
    const result = await engine.recognize(text);

    // Assess
    expect(result.intent).toBe('PipelineStatus');
    expect(result.scores[0]).toEqual({ intent: 'PipelineStatus', score: 1 });
    expect(result.slots.PipelineName?.interpretedValue).toBe('payments-api');
  });

  it('picks the fallback intent below the confidence threshold, with no slots', async () => {
    // Prepare
    const text = 'who is the president of France';

    // Act
    const result = await engine.recognize(text);

    // Assess
    expect(result.intent).toBe('FallbackIntent');
    expect(result.slots).toEqual({});
    expect(result.scores[0]?.score ?? 1).toBeLessThan(engine.threshold);
  });

  it('classifies paraphrases that are not sample utterances', async () => {
    // Prepare
    const texts = [
      'could you set me up with a fresh AWS account',
      'my key is compromised, rotate it',
      'why is web-app failing',
    ];

    // Act
    const intents = await Promise.all(texts.map(async (t) => (await engine.recognize(t)).intent));

    // Assess
    expect(intents).toEqual(['VendAccount', 'RotateAccessKey', 'PipelineStatus']);
  });
});

describe('NluEngine out-of-domain gate', () => {
  it.each([
    'restart the database',
    'how much did the etl pipeline cost last month',
    'who is on call for payments-api',
    'convert 10 miles to kilometers',
    'rename the web-app pipeline',
    'show me all accounts',
    'which accounts are in the Workloads OU',
    'is the backend slow',
    'create a jira ticket',
    'block ip 10.0.0.5 in the security group',
    'turn off the lights',
    "what's the status of the lambda function order-handler",
    'which keys open the server room',
    'edit the buildspec for web-app',
    'restart the search-api pods',
    'is prod down?',
    'create a gitlab repo named billing-ui',
    'rotate the kms key of the audit bucket',
    'rotate my ssh key',
    'change the contact email on my sandbox account',
    'change the retry limit of data-lake-etl',
    'how do I create a lambda layer',
    'restart ec2: i-0f1e2d3c4b5a69788 region: us-west-2',
    'decommission account: 222233334444',
    'who owns the mobile-backend pipeline?',
    'who are the approvers for web-app',
    'tbh the payments-api pipeline is a mess',
    'approve the pull request of dana',
    'please make a new organizational unit named Finance',
    'guardduty says Recon:IAMUser/UserPermissions, what does it mean',
  ])('falls back on a near miss that shares words or values with an intent: %s', async (text) => {
    // Prepare
    const utterance = text;

    // Act
    const result = await engine.recognize(utterance);

    // Assess
    expect(result.intent).toBe('FallbackIntent');
    expect(result.slots).toEqual({});
  });

  it.each([
    ['how did the latest build go', 'PipelineStatus'],
    ['restart the broken stage of web-app', 'RetryPipelineStage'],
    ['what commands do you know', 'Help'],
    ['re-run the build for web-app', 'RetryPipelineStage'],
    ['what is the status of all the pipelines on page 2', 'PipelineSummary'],
    ['reject payments api, tests are flaky', 'PipelineApproval'],
    ['retry payments', 'RetryPipelineStage'],
    ['pipelines status board', 'PipelineSummary'],
    ['my access key got pushed to a public repo, rotate it', 'RotateAccessKey'],
    ['could you show me what you can do', 'Help'],
    ["change dave's access key, it leaked", 'RotateAccessKey'],
    ['AK for svc-report expired? rotate pls', 'RotateAccessKey'],
    ['is mobile-backend waiting for someone to approve it? do not want to break things', 'PipelineStatus'],
    ['rotate: user: bob, reason: offboarding, ticket: HR-1234', 'RotateAccessKey'],
    ['request: REQ-4K8M2P6Q owner: li@example.com, approved or rejected?', 'RequestStatus'],
    ["svc-metrics's key is overdue, plz rotate", 'RotateAccessKey'],
    ['would it be possible to get a prod account in ou-zz99-12345678 for the checkout team', 'VendAccount'],
    ['rotate key: iam-user: alice, key-id: AKIAIOSFODNN7EXAMPLE, age: 134d', 'RotateAccessKey'],
    ['how do i create an account in the security ou', 'VendAccount'],
    ["New here and people said 'just ask the bot.' What exactly can you help me with?", 'Help'],
  ])(
    'keeps a request with an unknown word when it names what the intent acts on: %s',
    async (text, intent) => {
      // Prepare
      const utterance = text;

      // Act
      const result = await engine.recognize(utterance);

      // Assess
      expect(result.intent).toBe(intent);
    },
  );
});

describe('NluEngine evidence', () => {
  it.each([
    'create an s3 bucket called logs-archive',
    'restart the api server',
    'open a support case with aws',
    'create a new pipeline for orders-service',
  ])('falls back on a thing or an action the catalog does not offer: %s', async (text) => {
    // Prepare
    const utterance = text;

    // Act
    const result = await engine.recognize(utterance);

    // Assess
    expect(result.intent).toBe('FallbackIntent');
  });

  it.each([
    ['my aws credentials leaked on github', 'RotateAccessKey'],
    ['provision another account for the data team', 'VendAccount'],
    ['how is my pipeline', 'PipelineStatus'],
  ])(
    'keeps a request whose unknown words are no things, or that names its object: %s',
    async (text, intent) => {
      // Prepare
      const utterance = text;

      // Act
      const result = await engine.recognize(utterance);

      // Assess
      expect(result.intent).toBe(intent);
    },
  );

  it('reads a lone decision word as an approval, but a bare "no" as no request', async () => {
    // Prepare
    const decision = 'veto';
    const reply = 'no';

    // Act
    const vetoed = await engine.recognize(decision);
    const answered = await engine.recognize(reply);

    // Assess
    expect(vetoed.intent).toBe('PipelineApproval');
    expect(vetoed.slots.Decision?.interpretedValue).toBe('Reject');
    expect(answered.intent).toBe('FallbackIntent');
  });

  it.each([
    ['what are your powers', 'Help'],
    ['what can this thing do', 'Help'],
    ['can you order pizza for the team', 'FallbackIntent'],
  ])('takes a question about the bot itself as help, not any request to it: %s', async (text, intent) => {
    // Prepare
    const utterance = text;

    // Act
    const result = await engine.recognize(utterance);

    // Assess
    expect(result.intent).toBe(intent);
  });

  it('reads a possessive name as a user, whoever it is', async () => {
    // Prepare
    const text = "dave's access key needs rotating";

    // Act
    const result = await engine.recognize(text);

    // Assess
    expect(result.intent).toBe('RotateAccessKey');
    expect(result.slots.UserName?.interpretedValue).toBe('dave');
  });

  it('takes a decision on a pipeline named by part of its name as an approval (hold back payments)', async () => {
    // Act
    const result = await engine.recognize('hold back payments for now');

    // Assess
    expect(result.intent).toBe('PipelineApproval');
    expect(result.slots.Decision?.interpretedValue).toBe('Reject');
  });

  it('finds the evidence for a request in its own clause, whatever the context names (QA found a bug)', async () => {
    // Act
    const result = await engine.recognize('veto the payments deploy, QA found a bug');

    // Assess
    expect(result.intent).toBe('PipelineApproval');
    expect(result.slots.Decision?.interpretedValue).toBe('Reject');
  });

  it('takes a pipeline named in a sentence that also says pipelines as that pipeline', async () => {
    // Act
    const result = await engine.recognize(
      "I don't really understand pipelines, but could you tell me whether the data lake etl one finished?",
    );

    // Assess
    expect(result.intent).toBe('PipelineStatus');
    expect(result.slots.PipelineName?.interpretedValue).toBe('data-lake-etl');
  });

  it('takes a polite question that names a pipeline as about that pipeline, not a request for help', async () => {
    // Act
    const result = await engine.recognize(
      'Hi, could you let me know how the latest run of mobile-backend went?',
    );

    // Assess
    expect(result.intent).toBe('PipelineStatus');
    expect(result.slots.PipelineName?.interpretedValue).toBe('mobile-backend');
  });

  it('finds the request in one clause of a long message the whole of which is unsure', async () => {
    // Prepare
    const text =
      'Could I request a new sbx account in ou-q2w3-8f7e6d5c for the hackathon next week? The organisers said each team needs its own and to ask the bot, thanks so much!';

    // Act
    const result = await engine.recognize(text);

    // Assess
    expect(result.intent).toBe('VendAccount');
    expect(result.slots.AccountType?.interpretedValue).toBe('Sandbox');
    expect(result.slots.OrganizationalUnit?.interpretedValue).toBe('ou-q2w3-8f7e6d5c');
  });

  it.each([
    [
      "So after the incident review last week each squad gets its own playground, so I'd like to request a playground account named squad-orange-play, thanks!",
      'VendAccount',
    ],
    ['we have an outage in prod, who do i call', 'FallbackIntent'],
    ["before the CAB meeting I'd like to see how mobile-backend is doing", 'PipelineStatus'],
    ['approve my vacation request', 'FallbackIntent'],
  ])(
    'reads a topic we do not serve as context only when another clause is surely a request: %s',
    async (text, intent) => {
      // Act
      const result = await engine.recognize(text);

      // Assess
      expect(result.intent).toBe(intent);
    },
  );

  it('takes a clause asking about the bot itself in a long message as a request for help', async () => {
    // Act
    const result = await engine.recognize(
      "Hi, my colleague Femi mentioned that you can do some AWS stuff for us, but he didn't say what exactly, so what are you capable of? Thanks in advance!",
    );

    // Assess
    expect(result.intent).toBe('Help');
  });

  it.each([
    ['how does codepipeline pick which commit to build', 'FallbackIntent'],
    ['who rotated the ci-deployer key yesterday?', 'FallbackIntent'],
    ['when was the kms key for payments last rotated', 'FallbackIntent'],
    ['why do we even rotate keys every 90 days', 'FallbackIntent'],
    ['wat happens to the old key after u rotate it', 'FallbackIntent'],
    ['how long did account requests take to get approved last month', 'FallbackIntent'],
    ['how does this bot work', 'Help'],
    ['how do i use u', 'Help'],
    ['who approved REQ-4E5F6G7H', 'RequestStatus'],
    ['how did the latest build of web-app go', 'PipelineStatus'],
  ])(
    'answers no question of how things work or who did what, unless about the bot or a request: %s',
    async (text, intent) => {
      // Act
      const result = await engine.recognize(text);

      // Assess
      expect(result.intent).toBe(intent);
    },
  );

  it.each(['halp pls', 'hey there, happy friday!'])(
    'answers a misspelt help or a greeting with help: %s',
    async (text) => {
      // Act
      const result = await engine.recognize(text);

      // Assess
      expect(result.intent).toBe('Help');
    },
  );

  it('takes no clause as a request that names nothing the intent acts on (can you take a look)', async () => {
    // Act
    const result = await engine.recognize('my kubernetes pod keeps crashlooping, can you take a look');

    // Assess
    expect(result.intent).toBe('FallbackIntent');
  });

  it('reads a request said in one clause around context as that request', async () => {
    // Prepare
    const text = 'I approve the release of mobile-backend, QA is finished';

    // Act
    const result = await engine.recognize(text);

    // Assess
    expect(result.intent).toBe('PipelineApproval');
    expect(result.slots.PipelineName?.interpretedValue).toBe('mobile-backend');
    expect(result.slots.Decision?.interpretedValue).toBe('Approve');
  });

  it.each([
    [
      'the audit found that the key of svc-billing is 200 days old. Could you please rotate the access key for svc-billing? Thanks',
      'RotateAccessKey',
    ],
    [
      'the infra-baseline deploy died on a network blip that is gone now. Please rerun the failed stage of infra-baseline, thanks',
      'RetryPipelineStage',
    ],
  ])('takes the asking clause of a message, not its context, as the request: %s', async (text, intent) => {
    // Act
    const result = await engine.recognize(text);

    // Assess
    expect(result.intent).toBe(intent);
  });

  it.each([
    [
      'hold back payments, the fix is not in',
      'PipelineApproval',
      { PipelineName: 'payments-api', Decision: 'Reject' },
    ],
    ['etl broke again, retry', 'RetryPipelineStage', { PipelineName: 'data-lake-etl' }],
    ['retry payment api pls', 'RetryPipelineStage', { PipelineName: 'payments-api' }],
    ['we need a prod account for the analytics team', 'VendAccount', { AccountType: 'Production' }],
  ])(
    'reads a part of a pipeline name alone as that pipeline, never a part of an example account name: %s',
    async (text, intent, slots) => {
      // Act
      const result = await engine.recognize(text);

      // Assess
      expect(result.intent).toBe(intent);
      expect(
        Object.fromEntries(Object.entries(result.slots).map(([k, v]) => [k, v.interpretedValue])),
      ).toEqual(slots);
    },
  );

  it.each(['ok cool thanks', 'great, thanks a lot', 'thanks @chatops, legend', "cheers mate, that's sorted"])(
    'answers an acknowledgement with thanks as small talk: %s',
    async (text) => {
      // Act
      const result = await engine.recognize(text);

      // Assess
      expect(result.intent).toBe('Help');
    },
  );
});

describe('the NLU evaluation set', () => {
  const lines = NLU_EVAL_PARTS.flatMap((part) => loadNluEvalSet(part));

  it('has at least 600 lines, 150 of them out of domain, each naming a catalog intent', () => {
    // Prepare
    const intents = new Set(catalog.list().map((i) => i.id));

    // Act
    const outOfDomain = lines.filter((l) => l.intent === 'FallbackIntent').length;
    const unknown = lines.filter((l) => !intents.has(l.intent));

    // Assess
    expect(lines.length).toBeGreaterThanOrEqual(600);
    expect(outOfDomain).toBeGreaterThanOrEqual(150);
    expect(unknown).toEqual([]);
  });

  it('keeps its parts apart and covers every intent of the catalog in both', () => {
    // Prepare
    const [tune, test] = NLU_EVAL_PARTS.map((part) => loadNluEvalSet(part));
    const key = (l: { utterance: string }) => l.utterance.trim().toLowerCase();

    // Act
    const tuned = new Set((tune ?? []).map(key));
    const shared = (test ?? []).filter((l) => tuned.has(key(l))).map((l) => l.utterance);
    const missing = catalog
      .list()
      .map((i) => i.id)
      .filter((id) => !tune?.some((l) => l.intent === id) || !test?.some((l) => l.intent === id));

    // Assess
    expect(shared).toEqual([]);
    expect(missing).toEqual([]);
  });

  it('holds paraphrases only: no line is a catalog sample utterance with its placeholders filled', () => {
    // Prepare
    const extractor = new SlotExtractor(compileBotModel(toBotLocale(catalog)));
    const intents = catalog.list().map((i) => i.id);

    // Act
    const copies = lines.filter((l) => intents.some((i) => extractor.isSampleUtterance(i, l.utterance)));

    // Assess
    expect(copies.map((l) => l.utterance)).toEqual([]);
  });

  it(`stays above the regression floors (intent ${FLOOR.intent}, fallback ${FLOOR.fallback}, slots ${FLOOR.slots})`, async () => {
    // Prepare
    const inDomain = lines.filter((l) => l.intent !== 'FallbackIntent');
    const outOfDomain = lines.filter((l) => l.intent === 'FallbackIntent');

    // Act
    const results = await Promise.all(
      lines.map(async (l) => ({ line: l, got: await engine.recognize(l.utterance) })),
    );
    const ok = (l: (typeof lines)[number]) => results.find((r) => r.line === l)?.got;
    const intentOk = inDomain.filter((l) => ok(l)?.intent === l.intent).length / inDomain.length;
    const fallbackOk =
      outOfDomain.filter((l) => ok(l)?.intent === 'FallbackIntent').length / outOfDomain.length;
    const slotsOk =
      inDomain.filter((l) => {
        const got = ok(l);
        const slots = Object.fromEntries(
          Object.entries(got?.slots ?? {}).map(([k, v]) => [k, v.interpretedValue]),
        );
        return (
          got?.intent === l.intent &&
          JSON.stringify(Object.entries(slots).sort()) === JSON.stringify(Object.entries(l.slots).sort())
        );
      }).length / inDomain.length;

    // Assess
    expect(intentOk).toBeGreaterThanOrEqual(FLOOR.intent);
    expect(fallbackOk).toBeGreaterThanOrEqual(FLOOR.fallback);
    expect(slotsOk).toBeGreaterThanOrEqual(FLOOR.slots);
  });
});
