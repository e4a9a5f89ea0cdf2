import { request } from 'node:http';
import { createApprovalApi } from '../../../handlers/approvals/approval-api';
import { csrfValue } from '../../../handlers/approvals/page/csrf';
import { type ApprovalServer, startApprovalServer } from '../../../local/approval-server';
import { BOB_TOKEN, FakeDesk, REQUEST_ID } from '../handlers/approvals/support/fake-desk';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const csrfKey = Buffer.alloc(32, 3);

describe('local approval server', () => {
  let desk: FakeDesk;
  let server: ApprovalServer;

  beforeEach(async () => {
    desk = new FakeDesk();
    server = await startApprovalServer({ api: createApprovalApi({ desk, csrfKey, logger: silent }) });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('listens on loopback and serves the page of the approval API handler', async () => {
    // Prepare
    const url = `${server.url}/${REQUEST_ID}?token=${encodeURIComponent(BOB_TOKEN)}`;

    // Act
    const response = await fetch(url);
    const html = await response.text();

    // Assess
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/approvals$/);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(html).toContain(`value="${csrfValue(csrfKey, REQUEST_ID, BOB_TOKEN)}"`);
    expect(desk.decided).toEqual([]);
  });

  it('answers HEAD with headers only', async () => {
    // Prepare
    const url = `${server.url}/${REQUEST_ID}?token=${encodeURIComponent(BOB_TOKEN)}`;

    // Act
    const response = await fetch(url, { method: 'HEAD' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('');
    expect(desk.decided).toEqual([]);
  });

  it('posts the form through to the desk', async () => {
    // Prepare
    const form = new URLSearchParams({
      token: BOB_TOKEN,
      csrf: csrfValue(csrfKey, REQUEST_ID, BOB_TOKEN),
      decision: 'approve',
    });

    // Act
    const response = await fetch(`${server.url}/${REQUEST_ID}`, { method: 'POST', body: form });

    // Assess
    expect(response.status).toBe(200);
    expect(desk.decided).toEqual([{ requestId: REQUEST_ID, token: BOB_TOKEN, decision: 'approve' }]);
  });

  it('answers 405 with Allow as one header', async () => {
    // Prepare
    const url = `${server.url}/${REQUEST_ID}`;

    // Act
    const response = await fetch(url, { method: 'DELETE' });

    // Assess
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
  });

  it('answers 400 to a body far larger than a form, without reading it all into the handler', async () => {
    // Prepare
    const body = `token=${BOB_TOKEN}&decision=approve&comment=${'x'.repeat(200_000)}`;
    const url = new URL(`${server.url}/${REQUEST_ID}`);

    // Act
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

    // Assess
    expect(status).toBe(400);
    expect(desk.decided).toEqual([]);
  });
});
