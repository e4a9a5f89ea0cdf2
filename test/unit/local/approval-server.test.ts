import { MemoryLedger } from '../../../handlers/ledger/memory-ledger';
import { type ApprovalServer, renderStubPage, startApprovalServer } from '../../../local/approval-server';

describe('approval server (stub)', () => {
  let ledger: MemoryLedger;
  let server: ApprovalServer;
  let requestId: string;

  beforeEach(async () => {
    ledger = new MemoryLedger();
    const { request } = await ledger.create({
      intent: 'VendAccount',
      parameters: { AccountName: 'sandbox-alice' },
      requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', name: 'Alice Example' },
      origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001' },
      idempotencyKey: 'Ev-approval-server-test',
    });
    await ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'UALICE0001');
    requestId = request.id;
    server = await startApprovalServer({ ledger });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('renders the stub page with the request details and changes nothing on GET', async () => {
    // Prepare
    const url = `${server.url}/${requestId.toLowerCase()}`;

    // Act
    const response = await fetch(url);
    const html = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(`Approval for ${requestId}`);
    expect(html).toContain('Alice Example');
    expect(html).toContain('approvals issue');
    expect((await ledger.get(requestId))?.status).toBe('PENDING_APPROVAL');
  });

  it('answers HEAD with headers only and POST with 501', async () => {
    // Prepare
    const url = `${server.url}/${requestId}`;

    // Act
    const head = await fetch(url, { method: 'HEAD' });
    const post = await fetch(url, { method: 'POST', body: 'decision=approve' });

    // Assess
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(post.status).toBe(501);
    expect((await ledger.get(requestId))?.status).toBe('PENDING_APPROVAL');
  });

  it('answers 404 to something that is not a request id', async () => {
    // Prepare
    const url = `${server.url}/not-a-request`;

    // Act
    const response = await fetch(url);

    // Assess
    expect(response.status).toBe(404);
  });

  it('escapes whatever it renders', () => {
    // Prepare
    const request = {
      intent: '<script>x</script>',
      status: 'RECEIVED',
      requester: { slackUserId: 'U1', teamId: 'T1' },
    };

    // Act
    const html = renderStubPage('REQ-5G8H3N7Q', request as never);

    // Assess
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });
});
