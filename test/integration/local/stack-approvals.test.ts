/**
 * A full offline approval conversation on the local stack (DynamoDB Local, local Lex, Bolt over
 * signed HTTP, the built-in Slack emulator as the recording Web API): Alice asks for a sandbox
 * account and confirms; Bob approves from the approvers-channel message's Approve button, or from
 * the emailed link (GET the page, POST its form with a plain `fetch`, no cookie jar); Alice's thread
 * hears "approved" and then the sandbox execution's outcome. Alice also holds the approver role in
 * this config, so her own click on Approve is refused by separation of duties, not by the role check.
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { silentLogger } from '../../../handlers/logger';
import type { EmailNotification } from '../../../local/notifications';
import { dmChannelFor, type RecordedCall } from '../../../local/slack-emulator/web-api';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import { eventually } from '../support/eventually';

const ALICE = 'UALICE0001';
const BOB = 'UBOB00001';
const APPROVERS_CHANNEL = 'C0APPROVALS';
const ALICE_DM = dmChannelFor(ALICE);

interface Button {
  action_id?: string;
  value?: string;
}

function findButton(blocks: unknown, actionId: string): Button | undefined {
  const elements = (Array.isArray(blocks) ? blocks : []).flatMap((b: { elements?: unknown }) =>
    Array.isArray(b.elements) ? (b.elements as Button[]) : [],
  );
  return elements.find((e) => e.action_id === actionId);
}

const mentions = (call: RecordedCall, text: string) => JSON.stringify(call.args).includes(text);

/** Alice's configuration: the local default, with Alice also an approver (see the header). */
function config() {
  return parseConfig({
    ...localConfig,
    users: (localConfig.users ?? []).map((u) =>
      u.slackUserId === ALICE ? { ...u, roles: ['requester', 'approver'] } : u,
    ),
  });
}

describe('local stack: an approval conversation end to end', () => {
  let stack: LocalStack;
  const emails: EmailNotification[] = [];

  beforeAll(async () => {
    stack = await startLocalStack({ config: config(), logger: silentLogger, sink: (n) => emails.push(n) });
  }, 90_000);

  afterAll(async () => {
    await stack.stop();
  }, 30_000);

  const emulator = () => {
    if (!stack.emulator || !stack.sender) throw new Error('no emulator');
    return { api: stack.emulator, sender: stack.sender };
  };

  /** Alice's whole VendAccount conversation, confirmed; the approvers-channel message it led to. */
  async function aliceAsksFor(account: string): Promise<{ requestId: string; approval: RecordedCall }> {
    const { api, sender } = emulator();
    await sender.sendMessage({
      user: ALICE,
      text: `create a sandbox account called ${account} for ${account}@example.com under Workloads`,
    });
    const confirm = await api.waitForCall(
      'chat.postMessage',
      (c) =>
        c.args.channel === ALICE_DM && mentions(c, account) && !!findButton(c.args.blocks, 'lex_confirm_yes'),
    );
    const yes = findButton(confirm.args.blocks, 'lex_confirm_yes');
    const confirmTs = String(confirm.result.ts);
    await sender.sendBlockAction({
      user: ALICE,
      channel: ALICE_DM,
      messageTs: confirmTs,
      actionId: 'lex_confirm_yes',
      value: yes?.value ?? '',
      buttonText: 'Yes',
      message: api.message(ALICE_DM, confirmTs) ?? {},
    });
    const approval = await api.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === APPROVERS_CHANNEL && mentions(c, account),
    );
    const requestId = findButton(approval.args.blocks, 'approval_approve')?.value ?? '';
    expect(requestId).toMatch(/^REQ-[0-9A-Z]{8}$/);
    await api.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === ALICE_DM && mentions(c, `${requestId} is waiting for approval`),
    );
    await stack.idle();
    return { requestId, approval };
  }

  /** A click on the approvers-channel message's Approve button by `user`. */
  async function pressApprove(user: string, requestId: string, approval: RecordedCall) {
    const { api, sender } = emulator();
    const ts = String(approval.result.ts);
    return sender.sendBlockAction({
      user,
      channel: APPROVERS_CHANNEL,
      messageTs: ts,
      actionId: 'approval_approve',
      value: requestId,
      buttonText: 'Approve',
      message: api.message(APPROVERS_CHANNEL, ts) ?? {},
    });
  }

  /** Alice's DM posts (her request's thread) that mention `text`. */
  const aliceHears = (text: string) =>
    emulator().api.calls.filter(
      (c) => c.method === 'chat.postMessage' && c.args.channel === ALICE_DM && mentions(c, text),
    );

  it('Bob approves from the Slack button; Alice hears approved, then the sandbox outcome', async () => {
    // Prepare
    const { requestId, approval } = await aliceAsksFor('lab-button');

    // Act
    const click = await pressApprove(BOB, requestId, approval);
    await eventually(() => aliceHears(`${requestId} succeeded: account`).length > 0);

    // Assess
    expect(click.status).toBe(200);
    const approved = aliceHears(`${requestId} was approved by`);
    expect(approved).toHaveLength(1);
    expect(JSON.stringify(approved[0]?.args)).toMatch(/approved by bob@example\.com \(UBOB00001\)\./);
    const update = await emulator().api.waitForCall(
      'chat.update',
      (c) =>
        c.args.channel === APPROVERS_CHANNEL &&
        c.args.ts === approval.result.ts &&
        mentions(c, 'approved by'),
    );
    expect(findButton(update.args.blocks, 'approval_approve')).toBeUndefined();
    // Nothing redraws it afterwards with the click-time copy ("0 of 1 approval").
    const updates = emulator().api.calls.filter(
      (c) => c.method === 'chat.update' && c.args.ts === approval.result.ts,
    );
    expect(updates.map((c) => mentions(c, `${requestId} was approved by`))).toEqual([true]);
    expect(JSON.stringify(aliceHears(`${requestId} succeeded: account`)[0]?.args)).toMatch(
      /account lab-button is ready, account id \d{12}/,
    );
  }, 90_000);

  it('Bob approves from the emailed link with a plain fetch; Alice hears approved', async () => {
    // Prepare
    const { requestId } = await aliceAsksFor('lab-email');
    await eventually(() => emails.some((e) => e.to === 'bob@example.com' && e.body.includes(requestId)));
    const email = emails.find((e) => e.to === 'bob@example.com' && e.body.includes(requestId));
    const link =
      new RegExp(`${stack.approvalsUrl}/${requestId}\\?token=[^\\s]+`).exec(email?.body ?? '')?.[0] ?? '';
    const page = await fetch(link);
    const html = await page.text();
    const form = /<form method="post" action="([^"]+)">([\s\S]*?)<\/form>/.exec(html);
    const hidden = (name: string, within: string) =>
      new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(within)?.[1] ?? '';
    const fields = form?.[2] ?? '';
    const decode = (v: string) => v.replaceAll('&amp;', '&');

    // Act
    const posted = await fetch(new URL(form?.[1] ?? '', link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: decode(hidden('token', fields)),
        csrf: decode(hidden('csrf', fields)),
        decision: hidden('decision', fields),
        comment: '',
      }).toString(),
    });
    await eventually(() => aliceHears(`${requestId} succeeded: account`).length > 0);
    // Approving twice: the same form again (a scanner, a double click), then Carol's link.
    const again = await fetch(new URL(form?.[1] ?? '', link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: decode(hidden('token', fields)),
        csrf: decode(hidden('csrf', fields)),
        decision: 'approve',
        comment: '',
      }).toString(),
    });
    const carols = emails.find((e) => e.to === 'carol@example.com' && e.body.includes(requestId));
    const carolLink =
      new RegExp(`${stack.approvalsUrl}/${requestId}\\?token=[^\\s]+`).exec(carols?.body ?? '')?.[0] ?? '';
    const carolPage = await (await fetch(carolLink)).text();
    await stack.idle();

    // Assess
    expect(page.status).toBe(200);
    expect(hidden('decision', fields)).toBe('approve');
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain(requestId);
    expect(aliceHears(`${requestId} was approved by`)).toHaveLength(1);
    expect(again.status).toBe(409);
    expect(carolPage).toContain(`${requestId} is already decided`);
    // Provisioned once, and the account id in Alice's thread once.
    expect(stack.vending.factory.provisionCalls.filter((c) => c.requestId === requestId)).toHaveLength(1);
    expect(aliceHears(`${requestId} succeeded: account lab-email is ready, account id`)).toHaveLength(1);
  }, 90_000);

  it('refuses Alice’s own click on Approve with a clear message and changes nothing', async () => {
    // Prepare
    const { requestId, approval } = await aliceAsksFor('lab-self');
    const before = emulator().api.calls.length;

    // Act
    const click = await pressApprove(ALICE, requestId, approval);
    const note = await emulator().api.waitForCall('response_url', (c) => mentions(c, 'yourself'));
    await stack.idle();

    // Assess
    expect(click.status).toBe(200);
    expect(JSON.stringify(note.args)).toContain(
      `You asked for ${requestId} yourself, so you cannot approve or reject it`,
    );
    const after = emulator().api.calls.slice(before);
    expect(after.filter((c) => c.method === 'chat.update')).toEqual([]);
    expect(after.filter((c) => c.args.channel === ALICE_DM)).toEqual([]);
    // Still pending with no vote counted: Bob's approval is the one that decides.
    await pressApprove(BOB, requestId, approval);
    await eventually(() => aliceHears(`${requestId} was approved by`).length > 0);
    expect(JSON.stringify(aliceHears(`${requestId} was approved by`)[0]?.args)).toMatch(
      /approved by bob@example\.com \(UBOB00001\)\./,
    );
  }, 90_000);
});
