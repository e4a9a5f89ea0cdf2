import { approvalEmail, emailSubject } from '../../../../handlers/approvals/approval-email';
import { approvalView } from '../../../../handlers/approvals/approval-view';
import { plainDisplay, requesterLine } from '../../../../handlers/approvals/display-text';
import { approvalWorld } from './approval-fixture';

describe('approval email text', () => {
  it('leads with the verified requester, lists every parameter, the plan, risk, expiry and the personal link', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    // Act
    const email = approvalEmail(
      approvalView(request, world.config),
      'bob@example.com',
      'http://x/approvals/REQ?token=t',
    );
    // Assess
    expect(email.to).toBe('bob@example.com');
    expect(email.body).toContain(
      'Requested by: UALICE0001 (alice@example.com), display name "Alice Example"',
    );
    for (const [k, v] of Object.entries(request.parameters)) expect(email.body).toContain(`  ${k}: ${v}`);
    expect(email.body).toContain('Service Catalog ProvisionProduct of AWS Control Tower Account Factory');
    expect(email.body).toContain('ManagedOrganizationalUnit=Workloads (ou-wkl1-22222222)');
    expect(email.body).toContain('Risk: high');
    expect(email.body).toContain(`Expires: ${request.approval?.expiresAt}`);
    expect(email.body).toContain('\nhttp://x/approvals/REQ?token=t\n');
  });

  it('keeps the subject one printable-ASCII line under 100 characters', () => {
    // Act
    const subject = emailSubject(`Approval needed:\r\n${'é'.repeat(10)} ${'x'.repeat(200)}\u0000`);
    // Assess
    expect(subject.length).toBeLessThan(100);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
  });

  it('strips Slack markup and control characters from display strings', async () => {
    // Prepare
    const world = approvalWorld();
    const request = await world.pending();
    request.requester.name = 'Carol Example (UCAROL0001) <!channel>\u202e\u0007 <http://evil|click>';
    // Act
    const email = approvalEmail(approvalView(request, world.config), 'bob@example.com', 'http://x');
    // Assess
    expect(requesterLine(request.requester)).toBe(
      'UALICE0001 (alice@example.com), display name "Carol Example (UCAROL0001)"',
    );
    for (const bad of ['<!channel>', '<http', '\u202e', '\u0007']) expect(email.body).not.toContain(bad);
    expect(email.subject).not.toContain('Carol');
    expect(plainDisplay('a\nb\tc <@U123> d')).toBe('a b c d');
  });
});
