/**
 * The RECEIVED sweep and the replay of a crashed turn: a crash injected between the create and the
 * next step (here: an older writer that created in RECEIVED, then died) leaves no request RECEIVED
 * once the sweep has run, and a replayed turn resumes its request instead of only reporting it.
 */
import { RecordingApprovalRequests } from '../../../../handlers/approvals/approval-requests.port';
import { RecordingExecutions } from '../../../../handlers/execution/execution.port';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import { sweepReceived } from '../../../../handlers/ledger/received-sweeper';
import type { NewRequest } from '../../../../handlers/ledger/request';
import { receivedResumer } from '../../../../handlers/received-resume';
import { createCodeHook } from '../../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../../local/sandbox-deps';
import { lexEvent, messageOf, requestIdIn } from '../../../kit/lex-events';
import { newRequest } from './ledger-contract';

const MINUTE = 60_000;

/** A ledger on a settable clock whose first `create` behaves like the old writer and then crashes. */
function setup() {
  let time = Date.UTC(2030, 0, 1);
  const now = () => new Date(time);
  const ledger = new MemoryLedger({ now });
  const approvals = new RecordingApprovalRequests(['bob@example.com', 'carol@example.com']);
  const executions = new RecordingExecutions();
  const deps = createSandboxCodeHookDeps({ ledger, approvals, executions });
  const sweepDeps = { ledger, logger: deps.logger, resume: receivedResumer(deps), now };
  const crashAfterCreate = () => {
    const create = ledger.create.bind(ledger);
    jest.spyOn(ledger, 'create').mockImplementationOnce(async (input: NewRequest) => {
      await create(input);
      throw new Error('process crashed after the create');
    });
  };
  const later = (ms: number) => {
    time += ms;
  };
  return { ledger, approvals, executions, deps, sweepDeps, crashAfterCreate, later };
}

const receivedIds = async (ledger: MemoryLedger) =>
  (await ledger.listByStatus('RECEIVED', { limit: 100 })).items.map((r) => r.id);

describe('RECEIVED sweep', () => {
  it('resumes a write request a crash left in RECEIVED: approvers notified, audited by the sweeper', async () => {
    // Prepare
    const { ledger, approvals, deps, sweepDeps, crashAfterCreate, later } = setup();
    crashAfterCreate();
    await createCodeHook(deps)(lexEvent('fulfillment-vend-account', 'alice', 'Ev0CRASH001'));
    const [id = ''] = await receivedIds(ledger);
    later(6 * MINUTE);
    // Act
    const report = await sweepReceived(sweepDeps);
    // Assess
    expect(report).toEqual({ resumed: [id], failed: [], skipped: [] });
    expect(await receivedIds(ledger)).toEqual([]);
    expect((await ledger.get(id))?.status).toBe('PENDING_APPROVAL');
    expect((await ledger.history(id))[1]).toMatchObject({
      actor: 'system',
      fromStatus: 'RECEIVED',
      toStatus: 'PENDING_APPROVAL',
    });
    expect(approvals.requested.map((r) => r.id)).toEqual([id]);
  });

  it('fails a read-only request left in RECEIVED (its reply is gone), audited by the sweeper', async () => {
    // Prepare
    const { ledger, sweepDeps, later } = setup();
    const { request } = await ledger.create({ ...newRequest('UALICE0001'), intent: 'PipelineStatus' });
    later(6 * MINUTE);
    // Act
    const report = await sweepReceived(sweepDeps);
    // Assess
    expect(report.failed).toEqual([request.id]);
    expect(await ledger.get(request.id)).toMatchObject({ status: 'FAILED', reason: 'STALE_RECEIVED' });
    expect((await ledger.history(request.id))[1]).toMatchObject({ actor: 'sweeper', toStatus: 'FAILED' });
    expect(await receivedIds(ledger)).toEqual([]);
  });

  it('leaves a young RECEIVED request alone (its turn may still be running)', async () => {
    // Prepare
    const { ledger, sweepDeps, later } = setup();
    const { request } = await ledger.create(newRequest('UALICE0001'));
    later(MINUTE);
    // Act
    const report = await sweepReceived(sweepDeps);
    // Assess
    expect(report).toEqual({ resumed: [], failed: [], skipped: [] });
    expect(await receivedIds(ledger)).toEqual([request.id]);
  });

  it('fails a write request whose resume failed before it moved', async () => {
    // Prepare
    const { ledger, sweepDeps, later } = setup();
    const { request } = await ledger.create(newRequest('UALICE0001'));
    later(6 * MINUTE);
    const resume = jest.fn().mockRejectedValue(new Error('config gone'));
    // Act
    const report = await sweepReceived({ ...sweepDeps, resume });
    // Assess
    expect(report.failed).toEqual([request.id]);
    expect((await ledger.get(request.id))?.status).toBe('FAILED');
  });
});

describe('a replayed turn resumes its request', () => {
  it('moves a request a crash left in RECEIVED on and notifies the approvers', async () => {
    // Prepare
    const { ledger, approvals, deps, crashAfterCreate } = setup();
    const hook = createCodeHook(deps);
    crashAfterCreate();
    const crashed = await hook(lexEvent('fulfillment-vend-account', 'alice', 'Ev0CRASH002'));
    // Act
    const replayed = await hook(lexEvent('fulfillment-vend-account', 'alice', 'Ev0CRASH002'));
    // Assess
    const id = requestIdIn(messageOf(replayed)) ?? '';
    expect(crashed.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(replayed)).toContain(`Request ${id} is waiting for approval (2 approvers notified)`);
    expect(await receivedIds(ledger)).toEqual([]);
    expect(approvals.requested.map((r) => r.id)).toEqual([id]);
  });

  it('starts an approved-by-policy request again when the first hand-off crashed', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const executions = new RecordingExecutions();
    const deps = createSandboxCodeHookDeps({ ledger, executions });
    deps.config.intents.VendAccount = { ...deps.config.intents.VendAccount, approval: 'never' };
    const hook = createCodeHook(deps);
    jest.spyOn(executions, 'start').mockRejectedValueOnce(new Error('crashed before the hand-off'));
    const first = await hook(lexEvent('fulfillment-vend-account', 'alice', 'Ev0CRASH003'));
    // Act
    const replayed = await hook(lexEvent('fulfillment-vend-account', 'alice', 'Ev0CRASH003'));
    // Assess
    const id = requestIdIn(messageOf(replayed)) ?? '';
    expect(first.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(replayed)).toContain(`Request ${id} is approved by policy and handed to execution`);
    expect(executions.started.map((r) => r.id)).toEqual([id]);
    expect(await receivedIds(ledger)).toEqual([]);
  });
});
