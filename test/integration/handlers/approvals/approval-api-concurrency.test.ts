/**
 * Races over real HTTP on DynamoDB Local: many approvers' browsers posting at once must yield
 * exactly one final decision (one audited decision, one execution), and under a quorum of 2 the
 * request is APPROVED once, with one vote event per distinct approver.
 */
import { type ApprovalWorld, formFields, startApprovalWorld } from '../../support/approval-world';

async function pageFields(link: string, decision: 'approve' | 'reject'): Promise<Record<string, string>> {
  const response = await fetch(link);
  return formFields(await response.text(), decision);
}

function post(link: string, fields: Record<string, string>): Promise<number> {
  const url = link.split('?')[0] as string;
  return fetch(url, { method: 'POST', body: new URLSearchParams(fields) }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
}

describe('concurrent decisions over HTTP', () => {
  let world: ApprovalWorld;

  beforeEach(async () => {
    world = await startApprovalWorld();
  });

  afterEach(async () => {
    await world.stop();
  });

  it('50 concurrent approve/reject POSTs: exactly one decision, one decision event, one execution', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const bob = links['bob@example.com'] as string;
    const carol = links['carol@example.com'] as string;
    const forms = {
      bobApprove: await pageFields(bob, 'approve'),
      bobReject: await pageFields(bob, 'reject'),
      carolApprove: await pageFields(carol, 'approve'),
      carolReject: await pageFields(carol, 'reject'),
    };
    const posts = Array.from({ length: 50 }, (_, i) => {
      const pick = [forms.bobApprove, forms.carolReject, forms.carolApprove, forms.bobReject][i % 4];
      return post(i % 2 === 0 ? bob : carol, pick as Record<string, string>);
    });

    // Act
    const statuses = await Promise.all(posts);
    await world.approvals.handOff.idle();

    // Assess
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const after = await world.ledger.get(request.id);
    expect(['APPROVED', 'REJECTED', 'IN_PROGRESS', 'SUCCEEDED']).toContain(after?.status);
    const history = await world.ledger.history(request.id);
    const decisions = history.filter(
      (e) => e.fromStatus === 'PENDING_APPROVAL' && (e.toStatus === 'APPROVED' || e.toStatus === 'REJECTED'),
    );
    expect(decisions).toHaveLength(1);
    expect(world.executions.started).toHaveLength(decisions[0]?.toStatus === 'APPROVED' ? 1 : 0);
  });

  it('quorum 2: 50 concurrent approvals from 2 approvers → APPROVED once, two approval events', async () => {
    // Prepare
    const { request, links } = await world.pending({ quorum: 2 });
    const bob = links['bob@example.com'] as string;
    const carol = links['carol@example.com'] as string;
    const bobForm = await pageFields(bob, 'approve');
    const carolForm = await pageFields(carol, 'approve');
    const posts = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0 ? post(bob, bobForm) : post(carol, carolForm),
    );

    // Act
    const statuses = await Promise.all(posts);
    await world.approvals.handOff.idle();

    // Assess
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const history = await world.ledger.history(request.id);
    const approvedTransitions = history.filter(
      (e) => e.toStatus === 'APPROVED' && e.fromStatus === 'PENDING_APPROVAL',
    );
    const votes = history.filter((e) => e.action === 'APPROVAL_VOTE');
    expect(approvedTransitions).toHaveLength(1);
    // One vote is its own audited event; the second vote is the audited transition to APPROVED.
    expect(votes.length + approvedTransitions.length).toBe(2);
    expect(new Set([...votes, ...approvedTransitions].map((e) => e.actor))).toEqual(
      new Set(['bob@example.com', 'carol@example.com']),
    );
    const after = await world.ledger.get(request.id);
    expect(after?.approval?.votes.map((v) => v.approver).sort()).toEqual([
      'bob@example.com',
      'carol@example.com',
    ]);
    expect(world.executions.started).toHaveLength(1);
  });
});
