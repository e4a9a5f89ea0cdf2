import type { ChatOpsRequest } from '../../../handlers/ledger/request';
import { type EmailNotification, LocalApprovalRequests } from '../../../local/notifications';

const request: ChatOpsRequest = {
  id: 'REQ-5G8H3N7Q',
  intent: 'VendAccount',
  parameters: { AccountName: 'sandbox-alice', AccountType: 'Sandbox' },
  requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', name: 'Alice Example' },
  origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001' },
  status: 'PENDING_APPROVAL',
  version: 2,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:01.000Z',
  idempotencyKey: 'Ev1',
};

describe('LocalApprovalRequests', () => {
  it('emits one email per approver with a link to the approval page', async () => {
    // Prepare
    const sent: EmailNotification[] = [];
    const approvals = new LocalApprovalRequests({
      approverEmails: ['bob@example.com', 'carol@example.com'],
      approvalsUrl: 'http://127.0.0.1:4000/approvals',
      sink: (n) => sent.push(n),
    });

    // Act
    const result = await approvals.requestApproval(request);

    // Assess
    expect(result.notified).toEqual(['bob@example.com', 'carol@example.com']);
    expect(sent.map((n) => [n.type, n.to, n.subject])).toEqual([
      ['email', 'bob@example.com', 'Approval needed: VendAccount REQ-5G8H3N7Q'],
      ['email', 'carol@example.com', 'Approval needed: VendAccount REQ-5G8H3N7Q'],
    ]);
    expect(sent[0]?.body).toContain('http://127.0.0.1:4000/approvals/REQ-5G8H3N7Q');
    expect(sent[0]?.body).toContain('Alice Example (UALICE0001) asks for VendAccount');
    expect(sent[0]?.body).toContain('AccountName: sandbox-alice');
  });
});
