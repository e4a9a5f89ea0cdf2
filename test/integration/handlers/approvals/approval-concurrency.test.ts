/**
 * Races on DynamoDB Local: many approvers deciding one request at once through the desk. Exactly
 * one final decision, one decision audit event and (when approved) one execution started; with a
 * quorum of 2, `APPROVED` once with two approval events. Each test has its own request.
 */

import { RecordingExecutions } from '../../../../handlers/execution/execution.port';
import { InProcessHandOff } from '../../../../handlers/execution/execution-handoff.port';
import { runApproved } from '../../../../handlers/execution/run-approved';
import { DynamoLedger } from '../../../../handlers/ledger/dynamo-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';
import { approvalWorld } from '../../../unit/handlers/approvals/approval-fixture';
import { freshLedgerTable, type LedgerTable } from '../../support/dynamo';

let table: LedgerTable;

beforeAll(async () => {
  table = await freshLedgerTable();
});

afterAll(() => {
  table.client.destroy();
});

function worldOnDynamo() {
  const ledger = new DynamoLedger({ client: table.docClient, tableName: table.tableName });
  const executions = new RecordingExecutions();
  const handOff = new InProcessHandOff(async (id) => {
    await runApproved(id, { ledger, executions, chat: new RecordingChatNotifier(), logger: silentLogger });
  }, silentLogger);
  return { world: approvalWorld({ ledger, deskHandOff: handOff }), executions, handOff };
}

const FINAL = new Set(['APPROVED', 'REJECTED']);

describe('concurrent decisions on DynamoDB Local', () => {
  it('50 concurrent approve/reject decisions → one final decision, one decision event, executions only if approved', async () => {
    // Prepare
    const { world, executions, handOff } = worldOnDynamo();
    const request = await world.pending();
    const bob = await world.tokenFor(request, 'bob@example.com');
    const attempts = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? world.desk.decideByToken({
            requestId: request.id,
            token: bob,
            decision: i % 4 === 0 ? 'approve' : 'reject',
            comment: 'no',
          })
        : world.desk
            .decide({
              requestId: request.id,
              decision: i % 3 === 0 ? 'approve' : 'reject',
              approver: { teamId: 'T0SANDBOX', slackUserId: 'UCAROL0001' },
              channelId: 'C0APPROVALS',
              messageTs: '1.1',
            })
            .then((r) => ({ ok: false as const, settled: r })),
    );
    // Act
    const results = await Promise.all(attempts);
    await handOff.idle();
    // Assess
    const stored = await world.ledger.get(request.id);
    const history = await world.ledger.history(request.id);
    const decisions = history.filter((e) => e.fromStatus === 'PENDING_APPROVAL' && FINAL.has(e.toStatus));
    expect(decisions).toHaveLength(1);
    expect(FINAL.has(stored?.status ?? '')).toBe(true);
    expect(results.filter((r) => r.ok).length).toBeLessThanOrEqual(1);
    expect(executions.started).toHaveLength(stored?.status === 'APPROVED' ? 1 : 0);
  });

  it('50 concurrent approvals by link (quorum 1) → APPROVED once, one decision event, one execution started', async () => {
    // Prepare
    const { world, executions, handOff } = worldOnDynamo();
    const request = await world.pending();
    const tokens = [
      await world.tokenFor(request, 'bob@example.com'),
      await world.tokenFor(request, 'carol@example.com'),
    ];
    // Act
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        world.desk.decideByToken({ requestId: request.id, token: tokens[i % 2] ?? '', decision: 'approve' }),
      ),
    );
    await handOff.idle();
    // Assess
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.status === 409)).toBe(true);
    const history = await world.ledger.history(request.id);
    expect(history.filter((e) => e.toStatus === 'APPROVED')).toHaveLength(1);
    expect((await world.ledger.get(request.id))?.status).toBe('APPROVED');
    expect(executions.started.map((r) => r.id)).toEqual([request.id]);
  });

  it('quorum 2: 50 concurrent approvals from 2 approvers → APPROVED once, two approval events', async () => {
    // Prepare
    const { world, executions, handOff } = worldOnDynamo();
    const request = await world.pending(2);
    const bob = await world.tokenFor(request, 'bob@example.com');
    // Act
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? world.desk.decideByToken({ requestId: request.id, token: bob, decision: 'approve' })
          : world.desk.decide({
              requestId: request.id,
              decision: 'approve',
              approver: { teamId: 'T0SANDBOX', slackUserId: 'UCAROL0001' },
              channelId: 'C0APPROVALS',
              messageTs: '1.1',
            }),
      ),
    );
    await handOff.idle();
    // Assess
    const stored = await world.ledger.get(request.id);
    const history = await world.ledger.history(request.id);
    expect(stored?.status).toBe('APPROVED');
    expect(stored?.approval?.votes.map((v) => v.approver).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(history.filter((e) => e.action === 'APPROVAL_VOTE')).toHaveLength(1);
    expect(history.filter((e) => e.toStatus === 'APPROVED')).toHaveLength(1);
    expect(results).toHaveLength(50);
    expect(executions.started.map((r) => r.id)).toEqual([request.id]);
  });
});
