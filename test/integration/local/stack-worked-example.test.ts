/**
 * The worked example (ListOuAccounts, JoinIdentityCenterGroup) on the local stack, turned on by
 * config alone: DynamoDB Local, the local Lex runtime built from the config's catalog, Bolt over
 * HTTP and the Slack emulator, driven by the terminal chat and by Slack buttons. Nothing but
 * `examples` differs from `npm start`. The write intent goes conversation → approval (Bob's
 * Approve button) → execution (sandbox identity store) → removal by the expiry sweep, run "later".
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { silentLogger } from '../../../handlers/logger';
import { dmChannelFor, type RecordedCall } from '../../../local/slack-emulator/web-api';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import type { ChatSession } from '../../../local/terminal-chat/chat-session';
import { attachChat } from '../support/chat-session';

const ALICE = 'UALICE0001';
const BOB = 'UBOB00001';
const APPROVERS = 'C0APPROVALS';

async function eventually(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the worked example on the local stack', () => {
  let stack: LocalStack;
  let session: ChatSession;
  const printed: string[] = [];

  beforeAll(async () => {
    stack = await startLocalStack({
      config: parseConfig({
        ...localConfig,
        examples: {
          enabled: true,
          groupAccess: {
            identityStoreId: 'd-1234567890',
            allowedGroups: ['Developers', 'ReadOnly'],
            maxHours: 8,
          },
        },
      }),
      logger: silentLogger,
      sink: () => {},
      dynamodbLocalEndpoint: process.env.DYNAMODB_ENDPOINT ?? '',
    });
    session = attachChat(stack, printed);
  }, 90_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  it('asks which OU with buttons, then lists its accounts and records the request in the ledger (DynamoDB Local)', async () => {
    // Prepare
    printed.length = 0;

    // Act
    await session.handleLine('which accounts are in an organizational unit');
    await eventually(() => printed.some((l) => l.includes('Security')));
    await session.handleLine('Security');
    await eventually(() => printed.some((l) => l.includes('audit (333333333333)')));

    // Assess
    const text = printed.join('\n');
    expect(text).toContain('Which organizational unit?');
    expect(text).toContain('2 accounts in Security (ou-sec1-33333333):');
    const id = /REQ-[0-9A-Z]{8}/.exec(text)?.[0] ?? '';
    printed.length = 0;
    await session.handleLine(`status of ${id}`);
    await eventually(() => printed.some((l) => l.includes('SUCCEEDED')));
    expect(printed.join('\n')).toContain(id);
  }, 60_000);

  it('names the example in help', async () => {
    // Prepare
    printed.length = 0;

    // Act
    await session.handleLine('help');
    await eventually(() => printed.some((l) => l.includes('organizational unit')));

    // Assess
    expect(printed.join('\n')).toContain('List the AWS accounts in an organizational unit.');
  }, 60_000);

  it('adds Alice to a group after Bob approves from Slack, then the expiry sweep removes her and tells her', async () => {
    // Prepare
    const api = stack.emulator;
    const sender = stack.sender;
    if (!api || !sender || !stack.groups) throw new Error('no emulator or group expiry');
    const mentions = (c: RecordedCall, text: string) => JSON.stringify(c.args).includes(text);
    const buttonOf = (c: RecordedCall, actionId: string) =>
      (Array.isArray(c.args.blocks) ? c.args.blocks : [])
        .flatMap((b: { elements?: { action_id?: string; value?: string }[] }) => b.elements ?? [])
        .find((e: { action_id?: string }) => e.action_id === actionId);
    const aliceDm = dmChannelFor(ALICE);
    const aliceHears = (text: string) =>
      api.calls.filter(
        (c) => c.method === 'chat.postMessage' && c.args.channel === aliceDm && mentions(c, text),
      );

    // Act: the conversation, confirmed with the Yes button
    await sender.sendMessage({ user: ALICE, text: 'add me to the Developers group for 2 hours' });
    const confirm = await api.waitForCall(
      'chat.postMessage',
      (c) =>
        c.args.channel === aliceDm &&
        mentions(c, 'Developers for 2 hours') &&
        !!buttonOf(c, 'lex_confirm_yes'),
    );
    const confirmTs = String(confirm.result.ts);
    await sender.sendBlockAction({
      user: ALICE,
      channel: aliceDm,
      messageTs: confirmTs,
      actionId: 'lex_confirm_yes',
      value: buttonOf(confirm, 'lex_confirm_yes')?.value ?? '',
      buttonText: 'Yes',
      message: api.message(aliceDm, confirmTs) ?? {},
    });
    // … Bob approves from the approvers' channel …
    const approval = await api.waitForCall(
      'chat.postMessage',
      (c) =>
        c.args.channel === APPROVERS &&
        mentions(c, 'JoinIdentityCenterGroup') &&
        !!buttonOf(c, 'approval_approve'),
    );
    const requestId = String(buttonOf(approval, 'approval_approve')?.value);
    const approvalTs = String(approval.result.ts);
    await sender.sendBlockAction({
      user: BOB,
      channel: APPROVERS,
      messageTs: approvalTs,
      actionId: 'approval_approve',
      value: requestId,
      buttonText: 'Approve',
      message: api.message(APPROVERS, approvalTs) ?? {},
    });
    await eventually(() => aliceHears('You are in the Identity Center group Developers until').length > 0);
    const executed = await stack.ledger.get(requestId);
    // … and the sweep runs after the two hours are up.
    const expiresAt = executed?.externalIds?.expiresAt ?? '';
    const early = await stack.groups.sweep({ at: new Date(Date.parse(expiresAt) - 60_000) });
    const steps = await stack.groups.sweep({ at: new Date(Date.parse(expiresAt) + 60_000) });
    await eventually(() => aliceHears('Your time in the Identity Center group Developers is up').length > 0);

    // Assess
    expect(executed).toMatchObject({
      intent: 'JoinIdentityCenterGroup',
      status: 'SUCCEEDED',
      approver: 'bob@example.com (UBOB00001)',
    });
    const membershipId = executed?.externalIds?.membershipId ?? '';
    expect(membershipId).not.toBe('');
    expect(early).toEqual([]);
    expect(steps).toEqual([{ requestId, membershipId, outcome: 'removed' }]);
    const after = await stack.ledger.get(requestId);
    expect(after?.status).toBe('SUCCEEDED');
    expect(after?.externalIds?.removedAt).toBeDefined();
    const note = (await stack.ledger.history(requestId)).at(-1);
    expect(note).toMatchObject({
      action: 'NOTE',
      actor: 'group-expiry',
      details: { membershipId, outcome: 'removed' },
    });
    expect(await stack.groups.sweep({ at: new Date(Date.parse(expiresAt) + 120_000) })).toEqual([]);
  }, 90_000);
});
