/**
 * A whole conversation over signed HTTP against the real Bolt app, the emulator's Web API, the
 * local Lex runtime and DynamoDB Local: DMs and button clicks file a VendAccount request, which
 * then shows in App Home and `/chatops mine`; a button clicked twice has one effect.
 */
import type { RecordedCall } from '../../../local/slack-emulator/web-api';
import { dmChannelFor } from '../../../local/slack-emulator/web-api';
import { type SlackStack, startSlackStack } from './slack-stack';

const ALICE = 'UALICE0001';
const CHANNEL = dmChannelFor(ALICE);

interface Button {
  action_id: string;
  value: string;
  text: { text: string };
}

// A fresh stack (own ledger table, Lex sessions, Slack emulator) per test: no state is shared
// between `it` blocks, so each runs alone; each replays the conversation up to its step.
let stack: SlackStack;
beforeEach(async () => {
  stack = await startSlackStack();
});
afterEach(async () => stack?.stop());

/** Calls made since `from`, once every turn in flight has finished. */
async function callsAfter(from: number): Promise<RecordedCall[]> {
  await stack.app.idle();
  return stack.slack.calls.slice(from).filter((c) => !c.injected);
}

/** Alice says `text` in her DM; returns the bot's replies to it. */
async function say(text: string): Promise<RecordedCall[]> {
  const from = stack.slack.calls.length;
  const sent = await stack.sender.sendMessage({ user: ALICE, text });
  expect(sent.status).toBe(200);
  await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
  return (await callsAfter(from)).filter((c) => c.method === 'chat.postMessage');
}

function buttonsOf(call: RecordedCall): (Button & { blockId: string })[] {
  const blocks = call.args.blocks as { type: string; block_id: string; elements?: Button[] }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (b.elements ?? []).map((e) => ({ ...e, blockId: b.block_id })));
}

/** Alice clicks `label` on the message posted by `call`. */
function click(call: RecordedCall, label: string) {
  const ts = String(call.result.ts);
  const button = buttonsOf(call).find((b) => b.text.text === label);
  if (!button) throw new Error(`no button ${label}`);
  const message = stack.slack.message(CHANNEL, ts);
  return stack.sender.sendBlockAction({
    user: ALICE,
    channel: CHANNEL,
    messageTs: ts,
    actionId: button.action_id,
    blockId: button.blockId,
    value: button.value,
    buttonText: label,
    ...(message ? { message } : {}),
  });
}

const text = (call: RecordedCall | undefined) => String(call?.args.text ?? '');

const ANSWERS = [
  'I need a new AWS account',
  'data-lab',
  '<mailto:dana@example.com|dana@example.com>',
  'Workloads',
];

/** Alice answers every slot but the account type; returns the bot's replies. */
async function answerSlots(): Promise<RecordedCall[]> {
  const replies = [];
  for (const answer of ANSWERS) replies.push(...(await say(answer)));
  return replies;
}

/** Alice gets to the Yes/No confirmation; returns that prompt. */
async function reachConfirmation(): Promise<RecordedCall> {
  const replies = await answerSlots();
  const from = stack.slack.calls.length;
  await click(replies[3] as RecordedCall, 'Sandbox');
  await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
  const calls = await callsAfter(from);
  return calls.find((c) => c.method === 'chat.postMessage') as RecordedCall;
}

/** Alice files the request; returns its id. */
async function fileRequest(): Promise<string> {
  const confirmation = await reachConfirmation();
  const from = stack.slack.calls.length;
  await click(confirmation, 'Yes');
  await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
  const posts = (await callsAfter(from)).filter((c) => c.method === 'chat.postMessage');
  return /REQ-[0-9A-Z]{8}/.exec(text(posts[0]))?.[0] ?? 'missing';
}

describe('a full conversation in Slack', () => {
  it('asks for each slot and offers the enumerated account type as buttons', async () => {
    // Act
    const replies = await answerSlots();

    // Assess
    expect(replies.map(text)).toEqual([
      expect.stringContaining('What should the new account be called?'),
      expect.stringContaining('Which email address'),
      expect.stringContaining('Which organizational unit'),
      expect.stringContaining('Sandbox or a Production'),
    ]);
    expect(buttonsOf(replies[3] as RecordedCall).map((b) => b.text.text)).toEqual(['Sandbox', 'Production']);
  });

  it('treats a click as the next utterance and closes the clicked message', async () => {
    // Prepare
    const confirmation = (await answerSlots())[3] as RecordedCall;
    const from = stack.slack.calls.length;
    const clicked = String(confirmation.result.ts);

    // Act
    const response = await click(confirmation, 'Sandbox');
    await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
    const calls = await callsAfter(from);

    // Assess
    expect(response.status).toBe(200);
    const update = calls.find((c) => c.method === 'chat.update');
    expect(update?.args.ts).toBe(clicked);
    expect(JSON.stringify(stack.slack.message(CHANNEL, clicked))).toContain('chose *Sandbox*');
    expect(JSON.stringify(stack.slack.message(CHANNEL, clicked)?.blocks)).not.toContain('"actions"');
    const prompt = calls.find((c) => c.method === 'chat.postMessage') as RecordedCall;
    expect(text(prompt)).toContain('Create the Sandbox account data-lab (dana@example.com)');
    expect(buttonsOf(prompt).map((b) => b.text.text)).toEqual(['Yes', 'No']);
  });

  it('files one request when Yes is clicked twice', async () => {
    // Prepare
    const confirmation = await reachConfirmation();
    const from = stack.slack.calls.length;

    // Act
    const responses = await Promise.all([click(confirmation, 'Yes'), click(confirmation, 'Yes')]);
    await stack.slack.waitForCall('chat.postMessage', (c) => stack.slack.calls.indexOf(c) >= from);
    const calls = await callsAfter(from);

    // Assess
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const posts = calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'chat.update')).toHaveLength(1);
    const requestId = /REQ-[0-9A-Z]{8}/.exec(text(posts[0]))?.[0] ?? '';
    expect(text(posts[0])).toContain('waiting for approval');
    const mine = await stack.ledger.listByRequester(ALICE);
    expect(mine.items.map((r) => [r.id, r.intent, r.status])).toEqual([
      [requestId, 'VendAccount', 'PENDING_APPROVAL'],
    ]);
    expect(mine.items[0]?.requester).toMatchObject({ slackUserId: ALICE, email: 'alice@example.com' });
    expect(mine.items[0]?.parameters).toMatchObject({
      AccountEmail: 'dana@example.com',
      AccountType: 'Sandbox',
    });
  });

  it('shows the request in App Home, newest first, with its status', async () => {
    // Prepare
    const requestId = await fileRequest();
    const from = stack.slack.calls.length;

    // Act
    await stack.sender.sendAppHomeOpened({ user: ALICE });
    const published = await stack.slack.waitForCall(
      'views.publish',
      (c) => stack.slack.calls.indexOf(c) >= from,
    );

    // Assess
    expect(published.args.user_id).toBe(ALICE);
    const view = JSON.stringify(published.args.view);
    expect(view).toContain(requestId);
    expect(view).toContain('Pending approval');
  });

  it('lists it for `/chatops mine` and shows it to an admin but not to a stranger', async () => {
    // Prepare
    const requestId = await fileRequest();
    const command = async (user: string, commandText: string) => {
      const from = stack.slack.calls.length;
      await stack.sender.sendSlashCommand({ user, channel: 'C0DEPLOYS', text: commandText });
      const answers = (await callsAfter(from)).filter((c) => c.method === 'response_url');
      return answers.map((c) => JSON.stringify(c.args)).join('\n');
    };

    // Act
    const mine = await command(ALICE, 'mine');
    const admin = await command('UCAROL0001', `status ${requestId.toLowerCase()}`);
    const stranger = await command('UDAVE00001', `status ${requestId}`);

    // Assess
    expect(mine).toContain(requestId);
    expect(admin).toContain('data-lab');
    expect(stranger).toContain(`I cannot find a request ${requestId} that you are allowed to see.`);
    expect(stranger).not.toContain('data-lab');
  });
});
