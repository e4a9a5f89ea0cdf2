import { RecordingExecutions } from '../../../../handlers/execution/execution.port';
import { DIGEST_MISMATCH, runApproved } from '../../../../handlers/execution/run-approved';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';
import { approvalWorld, START } from '../approvals/approval-fixture';

async function approvedWorld(ledger?: MemoryLedger) {
  const world = approvalWorld(ledger ? { ledger } : {});
  const request = await world.pending();
  await world.desk.decideByToken({
    requestId: request.id,
    token: await world.tokenFor(request, 'bob@example.com'),
    decision: 'approve',
  });
  return { world, request };
}

describe('runApproved (the executor side of "what is approved is what runs")', () => {
  it('starts an approved request whose digest still matches', async () => {
    // Prepare
    const { world, request } = await approvedWorld();
    const executions = new RecordingExecutions();
    // Act
    const outcome = await runApproved(request.id, {
      ledger: world.ledger,
      executions,
      chat: new RecordingChatNotifier(),
      logger: silentLogger,
    });
    // Assess
    expect(outcome).toBe('started');
    expect(executions.started.map((r) => r.id)).toEqual([request.id]);
  });

  it('fails the request (audited) and runs nothing when the parameters no longer match the digest', async () => {
    // Prepare: the stored parameters are edited after approval
    const ledger = new (class extends MemoryLedger {
      edited = false;
      override async get(id: string) {
        const r = await super.get(id);
        if (r && this.edited) r.parameters.OrganizationalUnit = 'Security (ou-sec1-33333333)';
        return r;
      }
    })({ now: () => START });
    const { world, request } = await approvedWorld(ledger);
    ledger.edited = true;
    const executions = new RecordingExecutions();
    const chat = new RecordingChatNotifier();
    // Act
    const outcome = await runApproved(request.id, {
      ledger: world.ledger,
      executions,
      chat,
      logger: silentLogger,
    });
    // Assess
    expect(outcome).toBe('digest-mismatch');
    expect(executions.started).toEqual([]);
    expect(await ledger.get(request.id)).toMatchObject({ status: 'FAILED', reason: DIGEST_MISMATCH });
    expect((await ledger.history(request.id)).at(-1)).toMatchObject({
      fromStatus: 'APPROVED',
      toStatus: 'FAILED',
      actor: 'system',
    });
    expect(chat.notices).toEqual([expect.objectContaining({ kind: 'thread' })]);
  });

  it('is idempotent: a redelivered message for a request no longer APPROVED starts nothing', async () => {
    // Prepare
    const { world, request } = await approvedWorld();
    await world.ledger.transition(request.id, 'APPROVED', 'IN_PROGRESS', 'system');
    const executions = new RecordingExecutions();
    // Act
    const outcome = await runApproved(request.id, {
      ledger: world.ledger,
      executions,
      chat: new RecordingChatNotifier(),
      logger: silentLogger,
    });
    // Assess
    expect(outcome).toBe('not-approved');
    expect(executions.started).toEqual([]);
  });
});
