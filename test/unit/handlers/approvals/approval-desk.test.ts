/**
 * The approval desk at desk level: every refusal (right status, specific message, nothing changed)
 * and the decisions (single approver, quorum of distinct approvers, reject with a reason).
 */
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';
import { approvalWorld, START } from './approval-fixture';

const HOUR = 3_600_000;

async function unchanged(world: ReturnType<typeof approvalWorld>, before: ChatOpsRequest) {
  const after = await world.ledger.get(before.id);
  expect(after).toEqual(before);
  expect(world.handOff.handedOff).toEqual([]);
}

describe('ApprovalDeskService refusals (nothing changed)', () => {
  it('refuses a tampered token with 403', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com');
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'BB' : 'AA'}`;
    // Act
    const result = await world.desk.decideByToken({
      requestId: request.id,
      token: tampered,
      decision: 'approve',
    });
    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('signature does not match'),
    });
    await unchanged(world, request);
  });

  it('refuses a token whose approver was swapped for another approver with 403', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const parts = (await world.tokenFor(request, 'bob@example.com')).split('.');
    parts[2] = Buffer.from('carol@example.com').toString('base64url');
    // Act
    const result = await world.desk.decideByToken({
      requestId: request.id,
      token: parts.join('.'),
      decision: 'approve',
    });
    // Assess
    expect(result).toMatchObject({ ok: false, status: 403 });
    await unchanged(world, request);
  });

  it('refuses a validly signed token of someone who is not an approver with 403', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'mallory@example.com');
    // Act
    const result = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('not (or no longer) an approver'),
    });
    await unchanged(world, request);
  });

  it('refuses the token of another request with 403', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const other = await world.pending();
    const token = await world.tokenFor(other, 'bob@example.com');
    // Act
    const result = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('belongs to another request'),
    });
    await unchanged(world, request);
  });

  it('refuses a token issued for another parameter digest with 403', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com', { digest: 'x'.repeat(43) });
    // Act
    const result = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('changed after this link was sent'),
    });
    await unchanged(world, request);
  });

  it('refuses when the stored parameters no longer match the stored digest with 403', async () => {
    // Prepare: a ledger whose stored parameters were edited behind ChatOps' back
    const ledger = new (class extends MemoryLedger {
      edited = false;
      override async get(id: string) {
        const request = await super.get(id);
        if (request && this.edited) request.parameters.AccountEmail = 'attacker@example.com';
        return request;
      }
    })({ now: () => START });
    const world = approvalWorld({ ledger });
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com');
    ledger.edited = true;
    // Act
    const result = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('changed after it was sent'),
    });
    expect((await ledger.history(request.id)).map((e) => e.toStatus)).toEqual([
      'RECEIVED',
      'PENDING_APPROVAL',
    ]);
  });

  it('answers 410 for an expired link even before the sweep ran', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com');
    world.clock.now = new Date(START.getTime() + 25 * HOUR);
    // Act
    const inspected = await world.desk.inspect(request.id, token);
    const decided = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    // Assess
    expect(inspected).toMatchObject({ ok: false, status: 410 });
    expect(decided).toMatchObject({ ok: false, status: 410, message: expect.stringContaining('expired') });
    await unchanged(world, request);
  });

  it('answers 404 for an unknown request', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com', { requestId: 'REQ-0000ZZZZ' });
    // Act
    const result = await world.desk.inspect('REQ-0000ZZZZ', token);
    // Assess
    expect(result).toMatchObject({ ok: false, status: 404, message: 'There is no request REQ-0000ZZZZ.' });
  });

  it('answers 409 with the outcome once decided (single use)', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com');
    await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    const decided = await world.ledger.get(request.id);
    // Act
    const again = await world.desk.decideByToken({ requestId: request.id, token, decision: 'reject' });
    const page = await world.desk.inspect(request.id, token);
    // Assess
    expect(again).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringContaining('already decided'),
    });
    expect(page).toMatchObject({ ok: false, status: 409, view: { request: { status: 'APPROVED' } } });
    expect(await world.ledger.get(request.id)).toEqual(decided);
    expect(world.handOff.handedOff).toEqual([request.id]);
  });

  it('refuses the requester as approver by link and by button with a clear message', async () => {
    // Prepare: Alice is made an approver, then asks herself
    const world = approvalWorld({
      config: {
        approvers: { emails: ['alice@example.com', 'bob@example.com'], slackUserIds: ['UALICE0001'] },
      },
    });
    const request = await world.pending();
    const token = await world.tokenFor(request, 'alice@example.com');
    // Act
    const byLink = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    const byButton = await world.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UALICE0001' },
      channelId: 'C0APPROVALS',
      messageTs: '1.1',
    });
    // Assess
    expect(byLink).toMatchObject({
      ok: false,
      status: 403,
      message: expect.stringContaining('You asked for'),
    });
    expect(byButton).toEqual({ settled: false, message: expect.stringContaining('You asked for') });
    await unchanged(world, request);
  });

  it('refuses a Slack user who is not an approver', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    // Act
    const result = await world.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UMALLORY01' },
      channelId: 'C0APPROVALS',
      messageTs: '1.1',
    });
    // Assess
    expect(result).toEqual({ settled: false, message: expect.stringContaining('You are not an approver') });
    await unchanged(world, request);
  });

  it('refuses a click from another Slack team', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    // Act
    const result = await world.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0OTHER01', slackUserId: 'UBOB00001' },
      channelId: 'C0APPROVALS',
      messageTs: '1.1',
    });
    // Assess
    expect(result).toMatchObject({ settled: false });
    await unchanged(world, request);
  });

  it('refuses a second approval from the same approver under a quorum with 409, by link or by button', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    const token = await world.tokenFor(request, 'bob@example.com');
    await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    const once = await world.ledger.get(request.id);
    // Act
    const again = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    const byButton = await world.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UBOB00001' },
      channelId: 'C0APPROVALS',
      messageTs: '1.1',
    });
    // Assess
    expect(again).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringContaining('already approved'),
    });
    expect(byButton).toEqual({ settled: false, message: expect.stringContaining('already approved') });
    expect(await world.ledger.get(request.id)).toEqual(once);
  });
});

describe('ApprovalDeskService decisions', () => {
  it('approves with one approver (quorum 1), tells the thread and hands off once', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    const token = await world.tokenFor(request, 'bob@example.com');
    // Act
    const result = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    // Assess
    expect(result).toMatchObject({ ok: true, outcome: 'APPROVED' });
    const stored = await world.ledger.get(request.id);
    expect(stored).toMatchObject({ status: 'APPROVED', approver: 'bob@example.com (UBOB00001)' });
    expect(stored?.approval?.votes).toEqual([
      expect.objectContaining({ approver: 'bob@example.com', via: 'link' }),
    ]);
    const last = (await world.ledger.history(request.id)).at(-1);
    expect(last).toMatchObject({
      actor: 'bob@example.com',
      fromStatus: 'PENDING_APPROVAL',
      toStatus: 'APPROVED',
    });
    expect(world.handOff.handedOff).toEqual([request.id]);
    expect(world.chat.notices).toEqual([
      expect.objectContaining({
        kind: 'thread',
        notice: expect.objectContaining({ text: expect.stringContaining('approved by bob@example.com') }),
      }),
    ]);
  });

  it('with quorum 2 counts distinct approvers: link then button → APPROVED with two approval events', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    const token = await world.tokenFor(request, 'bob@example.com');
    // Act
    const first = await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    const midway = await world.ledger.get(request.id);
    const second = await world.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UCAROL0001' },
      channelId: 'C0APPROVALS',
      messageTs: '1.1',
    });
    // Assess
    expect(first).toMatchObject({
      ok: true,
      outcome: 'APPROVAL_RECORDED',
      message: expect.stringContaining('1 of 2 approvals'),
    });
    expect(midway?.status).toBe('PENDING_APPROVAL');
    expect(second).toEqual({
      settled: true,
      outcome: expect.stringContaining(
        'approved by bob@example.com (UBOB00001) and carol@example.com (UCAROL0001)',
      ),
    });
    const history = await world.ledger.history(request.id);
    expect(history.filter((e) => e.action === 'APPROVAL_VOTE')).toHaveLength(1);
    expect(history.filter((e) => e.toStatus === 'APPROVED')).toHaveLength(1);
    expect(world.handOff.handedOff).toEqual([request.id]);
  });

  it('counts one person once whether they use the link or the button', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    await world.desk.decideByToken({
      requestId: request.id,
      token: await world.tokenFor(request, 'bob@example.com'),
      decision: 'approve',
    });
    // Act
    const result = await world.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UBOB00001' },
      channelId: 'C0APPROVALS',
      messageTs: '1.1',
    });
    // Assess
    expect(result).toEqual({ settled: false, message: expect.stringContaining('already approved') });
    expect((await world.ledger.get(request.id))?.status).toBe('PENDING_APPROVAL');
  });

  it('a single reject rejects, with the comment as reason (control characters stripped, ≤ 500)', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    await world.desk.decideByToken({
      requestId: request.id,
      token: await world.tokenFor(request, 'bob@example.com'),
      decision: 'approve',
    });
    // Act
    const result = await world.desk.decideByToken({
      requestId: request.id,
      token: await world.tokenFor(request, 'carol@example.com'),
      decision: 'reject',
      comment: `No production\u0007 accounts this week ${'x'.repeat(600)}`,
    });
    // Assess
    expect(result).toMatchObject({ ok: true, outcome: 'REJECTED' });
    const stored = await world.ledger.get(request.id);
    expect(stored?.status).toBe('REJECTED');
    expect(stored?.reason?.startsWith('No production accounts this week')).toBe(true);
    expect(stored?.reason?.length).toBe(500);
    expect(world.handOff.handedOff).toEqual([]);
    expect(world.chat.notices.at(-1)).toMatchObject({
      kind: 'thread',
      notice: { text: expect.stringContaining('rejected by carol@example.com') },
    });
  });

  it('inspect answers 409 to an approver who already approved under a quorum, and changes nothing', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    const token = await world.tokenFor(request, 'bob@example.com');
    await world.desk.decideByToken({ requestId: request.id, token, decision: 'approve' });
    const before = await world.ledger.get(request.id);
    // Act
    const result = await world.desk.inspect(request.id, token);
    // Assess
    expect(result).toMatchObject({
      ok: false,
      status: 409,
      message: `You have already approved ${request.id}; waiting for 1 more approval (1 of 2 approvals).`,
      view: { approvals: [expect.objectContaining({ approver: 'bob@example.com' })] },
    });
    expect(await world.ledger.get(request.id)).toEqual(before);
  });

  it('inspect shows the plan, approvals so far and pending approvers, and changes nothing', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    await world.desk.decideByToken({
      requestId: request.id,
      token: await world.tokenFor(request, 'bob@example.com'),
      decision: 'approve',
    });
    const before = await world.ledger.get(request.id);
    // Act
    const result = await world.desk.inspect(request.id, await world.tokenFor(request, 'carol@example.com'));
    // Assess
    expect(result).toMatchObject({
      ok: true,
      approver: 'carol@example.com (UCAROL0001)',
      view: {
        quorum: 2,
        approvals: [expect.objectContaining({ approver: 'bob@example.com' })],
        pendingApprovers: ['carol@example.com (UCAROL0001)'],
        plan: expect.arrayContaining([
          expect.stringContaining('Service Catalog ProvisionProduct of AWS Control Tower Account Factory'),
        ]),
      },
    });
    expect(await world.ledger.get(request.id)).toEqual(before);
  });
});
