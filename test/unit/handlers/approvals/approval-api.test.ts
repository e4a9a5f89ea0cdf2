import { createApprovalApi } from '../../../../handlers/approvals/approval-api';
import { csrfValue } from '../../../../handlers/approvals/page/csrf';
import type { Logger } from '../../../../handlers/logger';
import { getEvent, postEvent } from './support/api-events';
import { BOB_TOKEN, FakeDesk, REQUEST_ID } from './support/fake-desk';

const csrfKey = Buffer.alloc(32, 7);

function setup() {
  const desk = new FakeDesk();
  const logged: unknown[] = [];
  const record = (message: string, extra?: Record<string, unknown>) => logged.push({ message, extra });
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const api = createApprovalApi({ desk, csrfKey, logger });
  return { desk, api, logged };
}

const goodForm = (decision = 'approve', extra: Record<string, string> = {}) => ({
  token: BOB_TOKEN,
  csrf: csrfValue(csrfKey, REQUEST_ID, BOB_TOKEN),
  decision,
  ...extra,
});

describe('approval API: GET and HEAD', () => {
  it('renders the page with the security headers and decides nothing', async () => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(getEvent({ token: BOB_TOKEN }));

    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
    });
    const csp = String(res.headers?.['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(res.body).toContain('data-lab');
    expect(res.body).toContain(`value="${csrfValue(csrfKey, REQUEST_ID, BOB_TOKEN)}"`);
    expect(desk.inspected).toEqual([{ requestId: REQUEST_ID, token: BOB_TOKEN }]);
    expect(desk.decided).toEqual([]);
  });

  it('accepts the request id in any case and without the hyphen', async () => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(getEvent({ id: 'req5g8h3n7q', token: BOB_TOKEN }));

    // Assess
    expect(res.statusCode).toBe(200);
    expect(desk.inspected[0]?.requestId).toBe(REQUEST_ID);
  });

  it('answers HEAD with the same status and headers and no body', async () => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(getEvent({ token: BOB_TOKEN, method: 'HEAD' }));

    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers?.['cache-control']).toBe('no-store');
    expect(desk.decided).toEqual([]);
  });

  it.each([
    ['no token', { token: undefined }, 403],
    ['a token with forbidden characters', { token: 'a b<c>' }, 403],
    ['a tampered token', { token: `${BOB_TOKEN}x` }, 403],
    ['an unknown request', { id: 'REQ-0000AAAA', token: BOB_TOKEN }, 404],
    ['something that is not a request id', { id: 'not-a-request', token: BOB_TOKEN }, 404],
  ])('refuses %s with %s', async (_name, options, status) => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(getEvent(options));

    // Assess
    expect(res.statusCode).toBe(status);
    expect(res.body).toContain('Nothing was changed.');
    expect(res.headers?.['content-security-policy']).toContain("default-src 'none'");
    expect(desk.decided).toEqual([]);
  });

  it.each([
    [409, 'REQ-5G8H3N7Q was already approved.', 'Already decided'],
    [410, 'REQ-5G8H3N7Q expired.', 'This request has expired'],
  ] as const)('shows the desk refusal %s as its own page', async (status, message, title) => {
    // Prepare
    const { api, desk } = setup();
    desk.refusal = { status, message };

    // Act
    const res = await api(getEvent({ token: BOB_TOKEN }));

    // Assess
    expect(res.statusCode).toBe(status);
    expect(res.body).toContain(title);
    expect(res.body).toContain(message);
  });

  it('never logs the token', async () => {
    // Prepare
    const { api, logged } = setup();

    // Act
    await api(getEvent({ token: BOB_TOKEN }));
    await api(postEvent(goodForm()));

    // Assess
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(BOB_TOKEN);
  });
});

describe('approval API: POST', () => {
  it('decides with the token, decision and comment and shows the result page', async () => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(postEvent(goodForm('reject', { comment: '  not this quarter ' })));

    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Rejected');
    expect(desk.decided).toEqual([
      { requestId: REQUEST_ID, token: BOB_TOKEN, decision: 'reject', comment: 'not this quarter' },
    ]);
  });

  it('accepts a form posted without Origin and Sec-Fetch-Site (a client without a browser)', async () => {
    // Prepare
    const { api, desk } = setup();
    const event = postEvent(goodForm(), { headers: { Origin: undefined, 'Sec-Fetch-Site': undefined } });

    // Act
    const res = await api(event);

    // Assess
    expect(res.statusCode).toBe(200);
    expect(desk.decided).toHaveLength(1);
  });

  it('accepts Origin: null (browsers send it under Referrer-Policy: no-referrer)', async () => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(postEvent(goodForm(), { headers: { Origin: 'null' } }));

    // Assess
    expect(res.statusCode).toBe(200);
    expect(desk.decided).toHaveLength(1);
  });

  it('shows "1 of 2" when the approval counts towards a quorum', async () => {
    // Prepare
    const { api, desk } = setup();
    desk.outcome = 'APPROVAL_RECORDED';

    // Act
    const res = await api(postEvent(goodForm()));

    // Assess
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Your approval is recorded');
  });

  it.each([
    ['a bad CSRF value', goodForm('approve', { csrf: 'x'.repeat(43) }), {}],
    [
      'the CSRF value of another token',
      goodForm('approve', { csrf: csrfValue(csrfKey, REQUEST_ID, 'other') }),
      {},
    ],
    [
      'the CSRF value of another request',
      goodForm('approve', { csrf: csrfValue(csrfKey, 'REQ-0000AAAA', BOB_TOKEN) }),
      {},
    ],
    ['a cross-site Origin', goodForm(), { Origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', goodForm(), { 'Sec-Fetch-Site': 'cross-site' }],
  ])('refuses %s with 403 and decides nothing', async (_name, fields, headers) => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(postEvent(fields, { headers }));

    // Assess
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Nothing was changed.');
    expect(desk.decided).toEqual([]);
  });

  it.each([
    ['a JSON body', { rawBody: '{"decision":"approve"}', headers: { 'Content-Type': 'application/json' } }],
    [
      'a body over 16 KiB',
      { rawBody: new URLSearchParams({ ...goodForm(), comment: 'x'.repeat(17_000) }).toString() },
    ],
    [
      'a decision that is neither approve nor reject',
      { rawBody: new URLSearchParams(goodForm('maybe')).toString() },
    ],
    [
      'a comment over 500 characters',
      { rawBody: new URLSearchParams(goodForm('reject', { comment: 'y'.repeat(501) })).toString() },
    ],
    ['a field sent twice', { rawBody: `${new URLSearchParams(goodForm()).toString()}&decision=reject` }],
    ['a form without token', { rawBody: 'decision=approve&csrf=abc' }],
  ])('answers 400 to %s', async (_name, options) => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(postEvent({}, options));

    // Assess
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Bad request');
    expect(desk.decided).toEqual([]);
  });

  it('accepts a page rendered under the previous CSRF key during a key rotation', async () => {
    // Prepare
    const desk = new FakeDesk();
    const next = Buffer.alloc(32, 9);
    const api = createApprovalApi({
      desk,
      csrfKey: async () => ({ current: next, previous: csrfKey }),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
    });

    // Act
    const old = await api(postEvent(goodForm()));
    const fresh = await api(postEvent(goodForm('approve', { csrf: csrfValue(next, REQUEST_ID, BOB_TOKEN) })));

    // Assess
    expect(old.statusCode).toBe(200);
    expect(fresh.statusCode).toBe(200);
    expect(desk.decided).toHaveLength(2);
  });

  it('passes the desk refusal through with its status', async () => {
    // Prepare
    const { api, desk } = setup();
    desk.refusal = { status: 409, message: 'REQ-5G8H3N7Q was already approved by Carol Example.' };

    // Act
    const res = await api(postEvent(goodForm()));

    // Assess
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('already approved by Carol Example');
  });
});

describe('approval API: other methods and paths', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])('answers %s with 405 and Allow', async (method) => {
    // Prepare
    const { api, desk } = setup();

    // Act
    const res = await api(getEvent({ token: BOB_TOKEN, method }));

    // Assess
    expect(res.statusCode).toBe(405);
    // Powertools puts a comma-separated header in multiValueHeaders; API Gateway sends it as one.
    expect(res.multiValueHeaders?.allow ?? res.headers?.allow).toEqual(['GET', 'HEAD', 'POST']);
    expect(res.headers?.['x-frame-options']).toBe('DENY');
    expect(desk.inspected).toEqual([]);
    expect(desk.decided).toEqual([]);
  });

  it('answers 404 elsewhere', async () => {
    // Prepare
    const { api } = setup();
    const event = getEvent({ token: BOB_TOKEN });
    event.path = '/admin';

    // Act
    const res = await api(event);

    // Assess
    expect(res.statusCode).toBe(404);
  });

  it('answers 500 with a safe page when the desk fails', async () => {
    // Prepare
    const { api, desk, logged } = setup();
    desk.inspect = async () => {
      throw new Error('DynamoDB is down');
    };

    // Act
    const res = await api(getEvent({ token: BOB_TOKEN }));

    // Assess
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('DynamoDB');
    expect(res.body).toContain('nothing was decided');
    expect(logged).toContainEqual({
      message: 'Approval API failed',
      extra: { error: expect.objectContaining({ message: 'DynamoDB is down' }) },
    });
  });
});
