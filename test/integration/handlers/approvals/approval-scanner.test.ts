/**
 * Email scanners (Safe Links, Mimecast, Proofpoint) fetch every link in a message, with and
 * without cookies, with GET and HEAD, several times, following redirects. None of that may decide:
 * the request stays PENDING_APPROVAL and no decision or vote is audited.
 */
import { type ApprovalWorld, startApprovalWorld } from '../../support/approval-world';

const LINK_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

describe('approval links vs email scanners', () => {
  let world: ApprovalWorld;

  beforeEach(async () => {
    world = await startApprovalWorld();
  });

  afterEach(async () => {
    await world.stop();
  });

  it('GET and HEAD of every link in every email, repeatedly, change nothing', async () => {
    // Prepare
    const { request } = await world.pending();
    const links = world.emails.flatMap((e) => e.body.match(LINK_IN_TEXT) ?? []);
    expect(links.length).toBeGreaterThanOrEqual(2);
    const before = await world.ledger.history(request.id);

    // Act
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (const link of links) {
        for (const method of ['GET', 'HEAD'] as const) {
          for (const cookie of [undefined, 'session=scanner; tracking=1']) {
            const response = await fetch(link, {
              method,
              redirect: 'follow',
              headers: {
                'user-agent': 'Mozilla/5.0 (compatible; SafeLinks/1.0)',
                ...(cookie ? { cookie } : {}),
              },
            });
            await response.arrayBuffer();
            statuses.push(response.status);
          }
        }
      }
    }

    // Assess
    expect(new Set(statuses)).toEqual(new Set([200]));
    const after = await world.ledger.get(request.id);
    expect(after?.status).toBe('PENDING_APPROVAL');
    expect(after?.approval?.votes).toEqual([]);
    const history = await world.ledger.history(request.id);
    expect(history).toEqual(before);
    expect(history.some((e) => e.action === 'APPROVAL_VOTE' || e.toStatus === 'APPROVED')).toBe(false);
    expect(world.executions.started).toEqual([]);
  });
});
