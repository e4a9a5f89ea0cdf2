import { ApprovalTokens, type TokenClaims } from '../../../../handlers/approvals/approval-tokens';
import { GeneratedApprovalKeys } from '../../../../handlers/approvals/generated-approval-keys';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const claims: TokenClaims = {
  requestId: 'REQ-5G8H3N7Q',
  approver: 'bob@example.com',
  digest: 'd'.repeat(43),
  expiresAt: NOW.getTime() / 1000 + 3600,
};
const expected = { requestId: claims.requestId, digest: claims.digest };
const key = (byte: number) => Buffer.alloc(32, byte);

describe('ApprovalTokens', () => {
  afterEach(() => jest.restoreAllMocks());

  it('issues a URL-safe token that verifies and carries its claims', async () => {
    // Prepare
    const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
    // Act
    const token = await tokens.issue(claims);
    const check = await tokens.verify(token, expected, NOW);
    // Assess
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(check).toEqual({ ok: true, claims });
  });

  it.each([
    ['another request', { requestId: 'REQ-7777AAAA', digest: claims.digest }, 'otherRequest'],
    ['a changed digest', { requestId: claims.requestId, digest: 'e'.repeat(43) }, 'digestChanged'],
  ])('refuses a token checked against %s', async (_what, against, problem) => {
    // Prepare
    const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
    const token = await tokens.issue(claims);
    // Act / Assess
    expect(await tokens.verify(token, against, NOW)).toEqual({ ok: false, problem });
  });

  it('refuses an expired token (expiry is signed)', async () => {
    // Prepare
    const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
    const token = await tokens.issue(claims);
    const later = new Date(claims.expiresAt * 1000);
    const extended = token.replace(`.${claims.expiresAt}.`, `.${claims.expiresAt + 86_400}.`);
    // Act / Assess
    expect(await tokens.verify(token, expected, later)).toEqual({ ok: false, problem: 'expired' });
    expect(await tokens.verify(extended, expected, later)).toEqual({ ok: false, problem: 'tampered' });
  });

  it.each([
    '',
    'garbage',
    'v2.REQ-5G8H3N7Q.a.1.b.c',
    'v1.REQ-5G8H3N7Q.a.notanumber.b.c',
    'v1.REQ-5G8H3N7Q.a b.1.b.c',
  ])('refuses the malformed token %j', async (token) => {
    // Prepare
    const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
    // Act / Assess
    expect(await tokens.verify(token, expected, NOW)).toEqual({ ok: false, problem: 'malformed' });
  });

  it('accepts tokens of the previous key during a rotation, and not after it', async () => {
    // Prepare
    const before = new ApprovalTokens(new GeneratedApprovalKeys({ current: key(1) }));
    const during = new ApprovalTokens(new GeneratedApprovalKeys({ current: key(2), previous: key(1) }));
    const after = new ApprovalTokens(new GeneratedApprovalKeys({ current: key(3), previous: key(2) }));
    const token = await before.issue(claims);
    // Act / Assess
    expect((await during.verify(token, expected, NOW)).ok).toBe(true);
    expect(await after.verify(token, expected, NOW)).toEqual({ ok: false, problem: 'tampered' });
    expect((await during.verify(await during.issue(claims), expected, NOW)).ok).toBe(true);
  });

  it('compares signatures with crypto.timingSafeEqual', async () => {
    // Prepare
    // The module object itself (an `import * as` namespace would be a copy the spy cannot reach).
    const nodeCrypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const spy = jest.spyOn(nodeCrypto, 'timingSafeEqual');
    const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
    const token = await tokens.issue(claims);
    // Act
    await tokens.verify(token, expected, NOW);
    // Assess
    expect(spy).toHaveBeenCalled();
  });

  it('never shows its key when serialised', async () => {
    // Prepare
    const keys = new GeneratedApprovalKeys({ current: key(7) });
    const tokens = new ApprovalTokens(keys);
    // Act
    const text = JSON.stringify({ tokens, keys }) + String(tokens);
    // Assess
    expect(text).not.toContain(key(7).toString('base64'));
    expect(text).not.toContain(key(7).toString('hex'));
  });
});
