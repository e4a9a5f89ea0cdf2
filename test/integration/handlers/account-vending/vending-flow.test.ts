/**
 * Account vending end to end on the local stack: real Bolt over signed HTTP with the Slack emulator,
 * the local Lex runtime, DynamoDB Local. Alice asks in Slack, the request is approved (the approval
 * desk's decision and hand-off: `PENDING_APPROVAL → APPROVED`, then the dispatching executions),
 * the sandbox Account Factory provisions, and the account id arrives in Alice's thread; a lost
 * lifecycle event is recovered by the poller. Approval by the emailed link, and approving twice
 * provisioning once, run on the whole local stack: test/integration/local/stack-approvals.test.ts.
 */

import { pollProvisioning } from '../../../../handlers/account-vending/provisioning-poller';
import { buildCapabilityMap, DEFAULT_CAPABILITIES } from '../../../../handlers/capabilities';
import { CapabilityExecutions } from '../../../../handlers/execution/capability-executions';
import { silentLogger } from '../../../../handlers/logger';
import type { SandboxVending } from '../../../../handlers/sandbox/sandbox-vending';
import { catalog } from '../../../../intents/catalog';
import { dmChannelFor, type RecordedCall } from '../../../../local/slack-emulator/web-api';
import { type SlackStack, startSlackStack } from '../../bot/slack-stack';

const ALICE = 'UALICE0001';
const CHANNEL = dmChannelFor(ALICE);

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

let stack: SlackStack;
let vending: SandboxVending;

async function start(options: { dropEvents?: boolean } = {}): Promise<void> {
  stack = await startSlackStack({
    vending: {
      delayMs: 0,
      ...options,
      onVending: (v) => {
        vending = v;
      },
    },
  });
}
afterEach(async () => {
  vending?.factory.stop();
  await stack?.stop();
});

const text = (call: RecordedCall | undefined) => String(call?.args.text ?? '');

async function say(words: string): Promise<RecordedCall[]> {
  const from = stack.slack.calls.length;
  const sent = await stack.sender.sendMessage({ user: ALICE, text: words });
  expect(sent.status).toBe(200);
  await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
  await stack.app.idle();
  return stack.slack.calls.slice(from).filter((c) => !c.injected && c.method === 'chat.postMessage');
}

async function click(call: RecordedCall | undefined, label: string): Promise<RecordedCall[]> {
  if (!call) throw new Error('no message to click on');
  const blocks = call.args.blocks as { type: string; block_id: string; elements?: Button[] }[];
  const found = blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => ({ ...e, blockId: b.block_id })))
    .find((b) => b.text.text === label);
  if (!found) throw new Error(`no button ${label}`);
  const ts = String(call.result.ts);
  const message = stack.slack.message(CHANNEL, ts);
  const from = stack.slack.calls.length;
  await stack.sender.sendBlockAction({
    user: ALICE,
    channel: CHANNEL,
    messageTs: ts,
    actionId: found.action_id,
    blockId: found.blockId,
    value: found.value,
    buttonText: label,
    ...(message ? { message } : {}),
  });
  await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
  await stack.app.idle();
  return stack.slack.calls.slice(from).filter((c) => !c.injected && c.method === 'chat.postMessage');
}

/** Alice asks for an account in her DM, picking the OU and the type with buttons; returns the request id. */
async function fileRequest(): Promise<string> {
  await say('I need a new AWS account');
  await say('data-lab');
  const ouPrompt = await say('<mailto:dana@example.com|dana@example.com>');
  const typePrompt = await click(ouPrompt.at(-1), 'Workloads');
  const confirmation = await click(typePrompt.at(-1), 'Sandbox');
  const filed = await click(confirmation.at(-1), 'Yes');
  return /REQ-[0-9A-Z]{8}/.exec(filed.map(text).join('\n'))?.[0] ?? 'missing';
}

/** What the approval desk does once the approver decides: the decision, then the hand-off. */
async function approve(id: string) {
  const approved = await stack.ledger.transition(id, 'PENDING_APPROVAL', 'APPROVED', 'bob@example.com');
  const executions = new CapabilityExecutions({
    capabilities: buildCapabilityMap(catalog, DEFAULT_CAPABILITIES),
    deps: stack.lex.deps,
    config: stack.lex.deps.config,
    ledger: stack.ledger,
    notifier: stack.notifier,
    logger: silentLogger,
  });
  return { approved, executions };
}

const accountPost = (id: string) => (c: RecordedCall) =>
  text(c).includes(`Request ${id} succeeded: account data-lab is ready, account id`);

describe('account vending end to end', () => {
  it('Slack conversation → approval → provisioning → the account id in the requester’s thread', async () => {
    // Prepare
    await start();
    const id = await fileRequest();
    const filed = await stack.ledger.get(id);
    expect(filed?.status).toBe('PENDING_APPROVAL');
    expect(filed?.parameters).toMatchObject({
      AccountName: 'data-lab',
      OrganizationalUnit: 'Workloads (ou-wkl1-22222222)',
    });
    const { approved, executions } = await approve(id);
    // Act
    await executions.start(approved);
    const outcome = await stack.slack.waitForCall('chat.postMessage', accountPost(id));
    await vending.settled();
    // Assess
    const done = await stack.ledger.get(id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(done?.externalIds?.accountId).toMatch(/^\d{12}$/);
    expect(text(outcome)).toContain(`account id ${done?.externalIds?.accountId}`);
    expect(outcome.args.channel).toBe(CHANNEL);
    expect(outcome.args.thread_ts ?? undefined).toBe(filed?.origin.threadTs);
    const started = stack.slack.calls.find((c) =>
      text(c).includes(`Request ${id}: provisioning started for account data-lab`),
    );
    expect(started?.args.channel).toBe(CHANNEL);
    const trail = (await stack.ledger.history(id)).map((e) => `${e.fromStatus ?? ''}→${e.toStatus}`);
    expect(trail.slice(-3)).toEqual([
      'PENDING_APPROVAL→APPROVED',
      'APPROVED→IN_PROGRESS',
      'IN_PROGRESS→SUCCEEDED',
    ]);
  });

  it('a lost lifecycle event is recovered by the poller', async () => {
    // Prepare
    await start({ dropEvents: true });
    const id = await fileRequest();
    const { approved, executions } = await approve(id);
    await executions.start(approved);
    const record = vending.factory.records.get(id);
    while (record?.status === 'IN_PROGRESS') await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await stack.ledger.get(id))?.status).toBe('IN_PROGRESS');
    // Act
    await pollProvisioning({
      provisioning: vending.provisioning,
      factory: vending.factory,
      logger: silentLogger,
    });
    // Assess
    const outcome = await stack.slack.waitForCall('chat.postMessage', accountPost(id));
    const done = await stack.ledger.get(id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(text(outcome)).toContain(done?.externalIds?.accountId ?? 'no account id');
    expect(done?.reason).toBe('completed (DescribeRecord)');
  });
});
