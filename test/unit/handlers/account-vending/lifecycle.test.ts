import { handleLifecycleEvent } from '../../../../handlers/account-vending/lifecycle';
import { parseLifecycleEvent } from '../../../../handlers/account-vending/lifecycle-event';
import { silentLogger } from '../../../../handlers/logger';
import { loadFixture } from '../../../support/fixtures';
import { vendingWorld } from './support/vending-world';

const SUCCEEDED = 'events/control-tower-create-managed-account-succeeded.json';
const FAILED = 'events/control-tower-create-managed-account-failed.json';
const UPDATED = 'events/control-tower-update-managed-account-succeeded.json';

/** A world with `data-lab` in progress. */
async function inProgress() {
  const w = vendingWorld();
  const request = await w.approved('data-lab');
  await w.provisioning.launch(request);
  w.notifier.notices.length = 0;
  const deps = { provisioning: w.provisioning, logger: silentLogger };
  return { w, request, deps };
}

describe('Control Tower lifecycle events', () => {
  it('parses the real event shapes (create and update)', () => {
    // Prepare
    const events = [SUCCEEDED, UPDATED, FAILED].map((f) => loadFixture(f));
    // Act
    const outcomes = events.map(parseLifecycleEvent);
    // Assess
    expect(outcomes.map((o) => [o?.eventName, o?.state, o?.accountName, o?.accountId])).toEqual([
      ['CreateManagedAccount', 'SUCCEEDED', 'data-lab', '624288362047'],
      ['UpdateManagedAccount', 'SUCCEEDED', 'data-lab', '624288362047'],
      ['CreateManagedAccount', 'FAILED', 'data-lab', undefined],
    ]);
    expect(parseLifecycleEvent({ source: 'aws.ec2', detail: {} })).toBeUndefined();
  });

  it('SUCCEEDED stores the account id, posts it in the thread and audits the transition', async () => {
    // Prepare
    const { w, request, deps } = await inProgress();
    // Act
    const result = await handleLifecycleEvent(loadFixture(SUCCEEDED), deps);
    // Assess
    expect(result).toBe('completed');
    const done = await w.ledger.get(request.id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(done?.externalIds?.accountId).toBe('624288362047');
    expect(w.notifier.notices[0]?.notice.text).toBe(
      `Request ${request.id} succeeded: account data-lab is ready, account id 624288362047.`,
    );
    const last = (await w.ledger.history(request.id)).at(-1);
    expect([last?.fromStatus, last?.toStatus, last?.actor]).toEqual([
      'IN_PROGRESS',
      'SUCCEEDED',
      'system:account-vending',
    ]);
    w.factory.stop();
  });

  it('FAILED stores Control Tower’s message in plain words', async () => {
    // Prepare
    const { w, request, deps } = await inProgress();
    // Act
    await handleLifecycleEvent(loadFixture(FAILED), deps);
    // Assess
    const failed = await w.ledger.get(request.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toBe(
      'Control Tower reported: AWS Control Tower failed to create a managed account: the email address is already associated with an AWS account.',
    );
    expect(w.notifier.notices[0]?.notice.text).toContain('was not created');
    w.factory.stop();
  });

  it('a duplicate event changes nothing and says nothing', async () => {
    // Prepare
    const { w, request, deps } = await inProgress();
    await handleLifecycleEvent(loadFixture(SUCCEEDED), deps);
    const before = await w.ledger.history(request.id);
    // Act
    const result = await handleLifecycleEvent(loadFixture(SUCCEEDED), deps);
    // Assess
    expect(result).toBe('no-request');
    expect(await w.ledger.history(request.id)).toEqual(before);
    expect(w.notifier.notices).toHaveLength(1);
    w.factory.stop();
  });

  it('an out-of-order FAILED after SUCCEEDED changes nothing', async () => {
    // Prepare
    const { w, request, deps } = await inProgress();
    await handleLifecycleEvent(loadFixture(SUCCEEDED), deps);
    // Act
    const result = await handleLifecycleEvent(loadFixture(FAILED), deps);
    // Assess
    expect(result).toBe('no-request');
    expect((await w.ledger.get(request.id))?.status).toBe('SUCCEEDED');
    w.factory.stop();
  });

  it('an event for an account no request is creating changes nothing', async () => {
    // Prepare
    const { w, request, deps } = await inProgress();
    const event = loadFixture<{
      detail: { serviceEventDetails: { createManagedAccountStatus: { account: { accountName: string } } } };
    }>(SUCCEEDED);
    event.detail.serviceEventDetails.createManagedAccountStatus.account.accountName = 'someone-else';
    // Act
    const result = await handleLifecycleEvent(event, deps);
    // Assess
    expect(result).toBe('no-request');
    expect((await w.ledger.get(request.id))?.status).toBe('IN_PROGRESS');
    expect(w.notifier.notices).toEqual([]);
    w.factory.stop();
  });

  it('a finished request starts the next queued one', async () => {
    // Prepare
    const w = vendingWorld();
    const names = ['data-lab', 'q-2', 'q-3', 'q-4', 'q-5', 'q-6'];
    const requests = [];
    for (const name of names) requests.push(await w.approved(name));
    for (const r of requests) await w.provisioning.launch(r);
    // Act
    await handleLifecycleEvent(loadFixture(SUCCEEDED), {
      provisioning: w.provisioning,
      logger: silentLogger,
    });
    // Assess
    expect((await w.ledger.get(requests[5]?.id ?? ''))?.status).toBe('IN_PROGRESS');
    w.factory.stop();
  });
});
