import { createHmac } from 'node:crypto';
import {
  identityCanonicalString,
  signIdentityAttributes,
  verifyIdentityAttributes,
} from '../../../../handlers/identity/identity-signature';

const KEY = 'k'.repeat(40);
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const ATTRS = {
  'chatops:slackUserId': 'UALICE0001',
  'chatops:slackTeamId': 'T0SANDBOX',
  'chatops:slackChannelId': 'D0ALICE001',
  'x-other': 'not signed',
};

describe('signed identity (DESIGN §5 wire contract)', () => {
  it('signs with v1= + hex HMAC-SHA256 of the sorted chatops:* name=value lines', () => {
    // Prepare
    const issuedAt = String(NOW / 1000);
    const expected = createHmac('sha256', Buffer.from(KEY, 'utf8'))
      .update(
        [
          `chatops:issuedAt=${issuedAt}`,
          'chatops:slackChannelId=D0ALICE001',
          'chatops:slackTeamId=T0SANDBOX',
          'chatops:slackUserId=UALICE0001',
        ].join('\n'),
      )
      .digest('hex');
    // Act
    const signed = signIdentityAttributes(ATTRS, KEY, NOW);
    // Assess
    expect(signed['chatops:issuedAt']).toBe(issuedAt);
    expect(signed['chatops:signature']).toBe(`v1=${expected}`);
    expect(identityCanonicalString(signed)).not.toContain('x-other');
  });

  it('verifies what it signed, with the current or the previous key', () => {
    // Prepare
    const signed = signIdentityAttributes(ATTRS, KEY, NOW);
    // Act
    const withCurrent = verifyIdentityAttributes(signed, [KEY], NOW + 1000);
    const withPrevious = verifyIdentityAttributes(signed, ['n'.repeat(40), KEY], NOW + 1000);
    // Assess
    expect(withCurrent).toEqual({ ok: true });
    expect(withPrevious).toEqual({ ok: true });
  });

  it.each([
    ['unsigned', () => ({ ...ATTRS }), NOW, 'unsigned'],
    [
      'signed with another key',
      () => signIdentityAttributes(ATTRS, 'z'.repeat(40), NOW),
      NOW,
      'bad-signature',
    ],
    [
      'changed after signing',
      () => ({ ...signIdentityAttributes(ATTRS, KEY, NOW), 'chatops:slackUserId': 'UCAROL0001' }),
      NOW,
      'bad-signature',
    ],
    [
      'given an extra chatops attribute',
      () => ({ ...signIdentityAttributes(ATTRS, KEY, NOW), 'chatops:slackUserGroupIds': 'S0ADMINS' }),
      NOW,
      'bad-signature',
    ],
    ['older than 5 minutes', () => signIdentityAttributes(ATTRS, KEY, NOW), NOW + 301_000, 'stale'],
    ['from the future', () => signIdentityAttributes(ATTRS, KEY, NOW + 120_000), NOW, 'future'],
    [
      'upper-case hex',
      () => {
        const s = signIdentityAttributes(ATTRS, KEY, NOW);
        return { ...s, 'chatops:signature': (s['chatops:signature'] ?? '').toUpperCase() };
      },
      NOW,
      'malformed',
    ],
  ])('refuses attributes %s', (_label, make, now, reason) => {
    // Prepare
    const attrs = make();
    // Act
    const verdict = verifyIdentityAttributes(attrs, [KEY], now);
    // Assess
    expect(verdict).toEqual({ ok: false, reason });
  });

  it('accepts a signing time a few seconds ahead (clock skew) and 5 minutes old', () => {
    // Prepare
    const ahead = signIdentityAttributes(ATTRS, KEY, NOW + 10_000);
    const old = signIdentityAttributes(ATTRS, KEY, NOW - 300_000);
    // Act / Assess
    expect(verifyIdentityAttributes(ahead, [KEY], NOW)).toEqual({ ok: true });
    expect(verifyIdentityAttributes(old, [KEY], NOW)).toEqual({ ok: true });
  });
});
