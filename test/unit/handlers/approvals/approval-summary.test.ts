import { requestSummary } from '../../../../bot/render/requests';
import { approvalLines } from '../../../../handlers/approvals/approval-summary';
import { describeRequest } from '../../../../handlers/request-status/request-status.capability';
import { approvalWorld } from './approval-fixture';

describe('approval progress in status and App Home', () => {
  it('shows approvals so far, pending approvers and the expiry time', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending(2);
    await world.desk.decideByToken({
      requestId: request.id,
      token: await world.tokenFor(request, 'bob@example.com'),
      decision: 'approve',
    });
    const stored = (await world.ledger.get(request.id)) ?? request;
    // Act
    const lines = approvalLines(stored, world.config);
    const status = describeRequest(stored, await world.ledger.history(request.id), world.config);
    const home = requestSummary(stored);
    // Assess
    expect(lines).toEqual([
      'Approvals: 1 of 2 (bob@example.com (UBOB00001))',
      'Pending approvers: carol@example.com (UCAROL0001)',
      `Expires: ${request.approval?.expiresAt}`,
    ]);
    for (const line of lines) expect(status).toContain(line);
    expect(status).toContain('approval counted by bob@example.com');
    expect(home).toContain('Approvals: 1 of 2');
    expect(home).toContain(`Expires: ${request.approval?.expiresAt}`);
  });
});
