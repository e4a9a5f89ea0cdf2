import { createHash } from 'node:crypto';
import { renderApprovalPage, renderDecidedPage } from '../../../../../handlers/approvals/page/approval-page';
import { displayText, escapeHtml } from '../../../../../handlers/approvals/page/html';
import { PAGE_CSS, SECURITY_HEADERS } from '../../../../../handlers/approvals/page/styles';
import { BOB_TOKEN, pendingRequest, pendingView } from '../support/fake-desk';

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'';

describe('approval page', () => {
  it('escapes every parameter, the plan and the display name', () => {
    // Prepare
    const request = pendingRequest({ AccountName: PAYLOAD });
    request.requester.name = `Mallory ${PAYLOAD}`;
    const view = { ...pendingView(request), plan: [`ProvisionProduct ${PAYLOAD}`] };

    // Act
    const html = renderApprovalPage({ view, approver: 'bob@example.com', token: BOB_TOKEN, csrf: 'c' });

    // Assess
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toMatch(/<script/i);
  });

  it('leads with the verified Slack user id and email and marks the display name', () => {
    // Prepare
    const request = pendingRequest();
    request.requester.name = 'Carol Example (UCAROL0001) <!channel>\u202e';

    // Act
    const html = renderApprovalPage({
      view: pendingView(request),
      approver: 'bob@example.com',
      token: BOB_TOKEN,
      csrf: 'c',
    });

    // Assess
    const id = html.indexOf('UALICE0001');
    const email = html.indexOf('alice@example.com');
    const name = html.indexOf('Carol Example (UCAROL0001)');
    expect(id).toBeGreaterThan(-1);
    expect(id).toBeLessThan(email);
    expect(email).toBeLessThan(name);
    expect(html).toContain('(chosen by the requester)');
    expect(html).not.toContain('channel&#62;');
    expect(html).not.toContain('\u202e');
  });

  it('shows intent, every parameter, the plan, risk, approvals, pending approvers and expiry', () => {
    // Prepare
    const view = {
      ...pendingView(),
      quorum: 2,
      approvals: [
        {
          approver: 'carol@example.com',
          label: 'Carol Example <carol@example.com>',
          at: '2026-12-02T09:10:00.000Z',
        },
      ],
      pendingApprovers: ['Bob Example <bob@example.com>'],
    };

    // Act
    const html = renderApprovalPage({ view, approver: 'bob@example.com', token: BOB_TOKEN, csrf: 'c' });

    // Assess
    for (const text of [
      'VendAccount',
      'data-lab',
      'dana@example.com',
      'Workloads (ou-wkl1-22222222)',
      'Sandbox',
      'ProvisionProduct',
      'medium',
      'Approvals (1 of 2 needed)',
      'Carol Example',
      'Bob Example',
      '2026-12-03 09:00 UTC',
    ]) {
      expect(html).toContain(escapeHtml(text));
    }
  });

  it('has two forms that POST token, CSRF value, decision and an optional comment of at most 500 characters', () => {
    // Prepare
    const view = pendingView();

    // Act
    const html = renderApprovalPage({
      view,
      approver: 'bob@example.com',
      token: BOB_TOKEN,
      csrf: 'csrf-value',
    });

    // Assess
    expect(html.match(/<form method="post" action="REQ-5G8H3N7Q">/g)).toHaveLength(2);
    expect(
      html.match(new RegExp(`name="token" value="${BOB_TOKEN.replace(/\./g, '\\.')}"`, 'g')),
    ).toHaveLength(2);
    expect(html.match(/name="csrf" value="csrf-value"/g)).toHaveLength(2);
    expect(html).toContain('name="decision" value="approve"');
    expect(html).toContain('name="decision" value="reject"');
    expect(html.match(/<textarea [^>]*name="comment" maxlength="500"/g)).toHaveLength(2);
  });

  it('is readable on a phone and has no script', () => {
    // Prepare
    const view = pendingView();

    // Act
    const html = renderApprovalPage({ view, approver: 'bob@example.com', token: BOB_TOKEN, csrf: 'c' });

    // Assess
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@media (max-width:30rem)');
    expect(html).not.toMatch(/<script|onclick|onload|javascript:/i);
  });

  it('shows the quorum progress after an approval that does not reach it', () => {
    // Prepare
    const view = {
      ...pendingView(),
      quorum: 2,
      approvals: [{ approver: 'bob@example.com', label: 'Bob Example', at: '2026-12-02T09:10:00.000Z' }],
    };

    // Act
    const html = renderDecidedPage('APPROVAL_RECORDED', view, 'Your approval is recorded.');

    // Assess
    expect(html).toContain('1 of 2 approvals so far');
  });
});

describe('page CSP and text helpers', () => {
  it('allows exactly the page stylesheet by hash', () => {
    // Prepare
    const hash = createHash('sha256').update(PAGE_CSS).digest('base64');

    // Act
    const csp = SECURITY_HEADERS['content-security-policy'];

    // Assess
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it.each([
    ['Carol Example (UCAROL0001) <!channel>', 'Carol Example (UCAROL0001)'],
    ['<@UBOB00001> <http://evil|click>', ''],
    ['A\u0000B\u001bC\u202eD', 'A B C D'],
  ])('displayText(%j) is %j', (input, expected) => {
    // Prepare
    const text = input;

    // Act
    const shown = displayText(text);

    // Assess
    expect(shown).toBe(expected);
  });
});
