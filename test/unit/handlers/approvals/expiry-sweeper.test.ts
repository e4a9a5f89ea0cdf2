import { sweepExpired } from '../../../../handlers/approvals/expiry-sweeper';
import { silentLogger } from '../../../../handlers/logger';
import { approvalWorld, START } from './approval-fixture';

const HOUR = 3_600_000;

describe('expiry sweep', () => {
  it('expires only overdue pending requests, in code, audited, and tells the requester', async () => {
    // Prepare
    const world = approvalWorld();
    const overdue = await world.pending();
    world.clock.now = new Date(START.getTime() + 12 * HOUR);
    const fresh = await world.pending();
    world.clock.now = new Date(START.getTime() + 24 * HOUR + 1);
    const deps = {
      config: world.config,
      ledger: world.ledger,
      chat: world.chat,
      logger: silentLogger,
      now: () => world.clock.now,
    };
    // Act
    const expired = await sweepExpired(deps);
    // Assess
    expect(expired).toEqual([overdue.id]);
    expect((await world.ledger.get(overdue.id))?.status).toBe('EXPIRED');
    expect((await world.ledger.get(fresh.id))?.status).toBe('PENDING_APPROVAL');
    expect((await world.ledger.history(overdue.id)).at(-1)).toMatchObject({
      actor: 'expiry-sweeper',
      toStatus: 'EXPIRED',
    });
    expect(world.chat.notices).toEqual([
      expect.objectContaining({
        kind: 'thread',
        notice: expect.objectContaining({ text: expect.stringContaining('expired') }),
      }),
    ]);
  });

  it('leaves a request decided in the meantime alone', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    await world.desk.decideByToken({
      requestId: request.id,
      token: await world.tokenFor(request, 'bob@example.com'),
      decision: 'approve',
    });
    world.clock.now = new Date(START.getTime() + 48 * HOUR);
    const deps = {
      config: world.config,
      ledger: world.ledger,
      chat: world.chat,
      logger: silentLogger,
      now: () => world.clock.now,
    };
    // Act
    const expired = await sweepExpired(deps);
    // Assess
    expect(expired).toEqual([]);
    expect((await world.ledger.get(request.id))?.status).toBe('APPROVED');
  });
});
