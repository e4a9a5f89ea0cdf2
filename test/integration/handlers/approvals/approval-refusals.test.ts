/**
 * Every refusal over real HTTP (and through the Slack button's handler), each with its status,
 * its page or message, and nothing changed in the ledger.
 */
import { type ApprovalWorld, formFields, startApprovalWorld } from '../../support/approval-world';

const BOB = 'bob@example.com';
const CAROL = 'carol@example.com';

async function get(link: string) {
  const response = await fetch(link);
  return { status: response.status, html: await response.text() };
}

async function post(link: string, fields: Record<string, string>) {
  const response = await fetch(link.split('?')[0] as string, {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  return { status: response.status, html: await response.text() };
}

/** The token of a link with its `part`-th dot-separated field replaced. */
function withTokenPart(link: string, part: number, value: string): string {
  const [base, query] = link.split('?token=') as [string, string];
  const pieces = decodeURIComponent(query).split('.');
  pieces[part] = value;
  return `${base}?token=${encodeURIComponent(pieces.join('.'))}`;
}

describe('approval refusals over HTTP', () => {
  let world: ApprovalWorld;

  beforeEach(async () => {
    world = await startApprovalWorld();
  });

  afterEach(async () => {
    await world.stop();
  });

  async function unchanged(id: string, before: unknown) {
    expect(await world.ledger.history(id)).toEqual(before);
    expect((await world.ledger.get(id))?.status).toBe('PENDING_APPROVAL');
  }

  it('refuses a tampered token with 403', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const before = await world.ledger.history(request.id);
    const link = links[BOB] as string;
    const tampered = `${link.slice(0, -2)}${link.endsWith('A') ? 'B' : 'A'}${link.slice(-1)}`;

    // Act
    const page = await get(tampered);

    // Assess
    expect(page.status).toBe(403);
    expect(page.html).toContain('signature does not match');
    await unchanged(request.id, before);
  });

  it("refuses another request's token with 403", async () => {
    // Prepare
    const first = await world.pending();
    const second = await world.pending();
    const before = await world.ledger.history(second.request.id);
    const token = (first.links[BOB] as string).split('?token=')[1] as string;
    const link = `${world.server.url}/${second.request.id}?token=${token}`;

    // Act
    const page = await get(link);

    // Assess
    expect(page.status).toBe(403);
    expect(page.html).toContain('belongs to another request');
    await unchanged(second.request.id, before);
  });

  it("refuses Bob's token relabelled as Carol's with 403", async () => {
    // Prepare
    const { request, links } = await world.pending();
    const before = await world.ledger.history(request.id);
    const forged = withTokenPart(links[BOB] as string, 2, Buffer.from(CAROL).toString('base64url'));

    // Act
    const page = await get(forged);

    // Assess
    expect(page.status).toBe(403);
    await unchanged(request.id, before);
  });

  it('refuses a link whose parameter digest no longer matches with 403, on GET and POST', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const link = links[BOB] as string;
    const fields = formFields((await get(link)).html, 'approve');
    const current = await world.ledger.get(request.id);
    const approval = current?.approval;
    if (!current || !approval) throw new Error('no approval state');
    await world.ledger.amend(request.id, current.version, 'test', {
      event: 'NOTE',
      approval: { ...approval, digest: 'changed' },
    });
    const before = await world.ledger.history(request.id);

    // Act
    const page = await get(link);
    const decided = await post(link, fields);

    // Assess
    expect(page.status).toBe(403);
    expect(page.html).toContain('changed after this link was sent');
    expect(decided.status).toBe(403);
    await unchanged(request.id, before);
  });

  it('refuses a bad CSRF value with 403 and a POST without the page, and other methods with 405', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const link = links[BOB] as string;
    const fields = formFields((await get(link)).html, 'approve');
    const before = await world.ledger.history(request.id);

    // Act
    const badCsrf = await post(link, { ...fields, csrf: 'forged' });
    const noCsrf = await post(link, { token: fields.token as string, decision: 'approve' });
    const put = await fetch(link, { method: 'PUT' });

    // Assess
    expect(badCsrf.status).toBe(403);
    expect(badCsrf.html).toContain('did not come from the approval page');
    expect(noCsrf.status).toBe(400);
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    await unchanged(request.id, before);
  });

  it('refuses a second approval from the same approver under a quorum with 409', async () => {
    // Prepare
    const { request, links } = await world.pending({ quorum: 2 });
    const link = links[BOB] as string;
    const fields = formFields((await get(link)).html, 'approve');
    expect((await post(link, fields)).status).toBe(200);
    const before = await world.ledger.history(request.id);

    // Act
    const again = await post(link, fields);

    // Assess
    expect(again.status).toBe(409);
    expect(again.html).toContain('already approved');
    await unchanged(request.id, before);
  });

  it('answers the GET of an approver who already approved under a quorum with 409', async () => {
    // Prepare
    const { request, links } = await world.pending({ quorum: 2 });
    const link = links[BOB] as string;
    expect((await post(link, formFields((await get(link)).html, 'approve'))).status).toBe(200);
    const before = await world.ledger.history(request.id);

    // Act
    const page = await get(link);

    // Assess
    expect(page.status).toBe(409);
    expect(page.html).toContain(`You have already approved ${request.id}; waiting for 1 more approval`);
    expect(page.html).not.toContain('name="csrf"');
    await unchanged(request.id, before);
  });

  it('answers 409 "already decided" after the decision, and 404 for an unknown request', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const link = links[BOB] as string;
    expect((await post(link, formFields((await get(link)).html, 'reject'))).status).toBe(200);
    const carol = links[CAROL] as string;

    // Act
    const reopened = await get(link);
    const other = await post(carol, formFields(reopened.html, 'approve'));
    const unknown = await get(`${world.server.url}/REQ-0000AAAA?token=x`);

    // Assess
    expect(reopened.status).toBe(409);
    expect(reopened.html).toContain('Already decided');
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBe(404);
    expect((await world.ledger.get(request.id))?.status).toBe('REJECTED');
  });

  it('refuses the requester as approver, by link and by button', async () => {
    // Prepare: Bob asks; a link for Bob is signed by hand (the notifier never sends him one).
    const bob = { slackUserId: 'UBOB00001', teamId: 'T0SANDBOX', name: 'Bob Example', email: BOB };
    const { request, links } = await world.pending({ requester: bob });
    expect(Object.keys(links)).toEqual([CAROL]);
    const approval = request.approval;
    if (!approval) throw new Error('no approval state');
    const token = await world.tokens.issue({
      requestId: request.id,
      approver: BOB,
      digest: approval.digest,
      expiresAt: Math.floor(Date.parse(approval.expiresAt) / 1000),
    });
    const before = await world.ledger.history(request.id);

    // Act
    const page = await get(`${world.server.url}/${request.id}?token=${token}`);
    const click = await world.approvals.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UBOB00001' },
      channelId: 'C0APPROVALS',
      messageTs: '1700000101.000100',
    });

    // Assess
    expect(page.status).toBe(403);
    expect(page.html).toContain('You asked for');
    expect(page.html).toContain('another approver must decide');
    expect(click).toEqual({
      settled: false,
      message: expect.stringContaining('another approver must decide'),
    });
    await unchanged(request.id, before);
  });

  it('refuses a Slack user who is not an approver (button)', async () => {
    // Prepare
    const { request } = await world.pending();
    const before = await world.ledger.history(request.id);

    // Act
    const click = await world.approvals.desk.decide({
      requestId: request.id,
      decision: 'approve',
      approver: { teamId: 'T0SANDBOX', slackUserId: 'UMALLORY01' },
      channelId: 'C0APPROVALS',
      messageTs: '1700000101.000100',
    });

    // Assess
    expect(click).toEqual({ settled: false, message: expect.stringContaining('not an approver') });
    await unchanged(request.id, before);
  });
});

describe('expired approval links', () => {
  it('answers 410 on GET and POST once the request is past its expiry, even before the sweep', async () => {
    // Prepare
    let offsetMs = 0;
    const world = await startApprovalWorld({ now: () => new Date(Date.now() + offsetMs) });
    try {
      const { request, links } = await world.pending();
      const link = links[BOB] as string;
      const fields = formFields((await get(link)).html, 'approve');
      offsetMs = (world.config.approvers.ttlHours + 1) * 3_600_000;
      const before = await world.ledger.history(request.id);

      // Act
      const page = await get(link);
      const decided = await post(link, fields);

      // Assess
      expect(page.status).toBe(410);
      expect(page.html).toContain('expired');
      expect(decided.status).toBe(410);
      expect(await world.ledger.history(request.id)).toEqual(before);
    } finally {
      await world.stop();
    }
  });
});
