import { pollProvisioning } from '../../../../handlers/account-vending/provisioning-poller';
import { silentLogger } from '../../../../handlers/logger';
import { START, vendingWorld } from './support/vending-world';

describe('provisioning poller (DescribeRecord fallback)', () => {
  it('recovers a lost lifecycle event: SUCCEEDED with the account id from the record', async () => {
    // Prepare
    const w = vendingWorld({ delayMs: 0, dropEvents: true });
    const request = await w.approved('data-lab');
    await w.provisioning.launch(request);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Act
    const summary = await pollProvisioning({
      provisioning: w.provisioning,
      factory: w.factory,
      logger: silentLogger,
    });
    // Assess
    expect(summary).toEqual({ checked: 1, completed: 1 });
    const done = await w.ledger.get(request.id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(done?.externalIds?.accountId).toMatch(/^\d{12}$/);
    expect(w.notifier.notices.at(-1)?.notice.text).toContain(`account id ${done?.externalIds?.accountId}`);
  });

  it('stores the record errors in plain words for a failed provisioning (fail-* in the sandbox)', async () => {
    // Prepare
    const w = vendingWorld({ delayMs: 0, dropEvents: true });
    const request = await w.approved('fail-demo');
    await w.provisioning.launch(request);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Act
    await pollProvisioning({ provisioning: w.provisioning, factory: w.factory, logger: silentLogger });
    // Assess
    const failed = await w.ledger.get(request.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toContain('simulated failure in the sandbox');
  });

  it('fails a provisioning still running after 60 minutes, with guidance', async () => {
    // Prepare
    const w = vendingWorld();
    const request = await w.approved('slow');
    await w.provisioning.launch(request);
    // Act
    const early = await pollProvisioning({
      provisioning: w.provisioning,
      factory: w.factory,
      logger: silentLogger,
      now: () => START + 59 * 60_000,
    });
    const late = await pollProvisioning({
      provisioning: w.provisioning,
      factory: w.factory,
      logger: silentLogger,
      now: () => START + 61 * 60_000,
    });
    // Assess
    expect([early.completed, late.completed]).toEqual([0, 1]);
    const failed = await w.ledger.get(request.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toContain('still running after 60 minutes');
    expect(failed?.reason).toContain('Control Tower console');
    w.factory.stop();
  });
});
