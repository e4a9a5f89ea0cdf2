import {
  IdentityKeyError,
  localIdentityKey,
  parseIdentityKeySecret,
  secretIdentityKeys,
} from '../../../../handlers/identity/identity-keys';
import { identityKeysFromEnv } from '../../../../handlers/identity/secrets-manager-keys';

describe('identity keys', () => {
  it('uses CHATOPS_IDENTITY_KEY when it is long enough', () => {
    // Prepare
    const key = 'a'.repeat(32);
    // Act / Assess
    expect(localIdentityKey({ CHATOPS_IDENTITY_KEY: key })).toBe(key);
  });

  it('refuses a short CHATOPS_IDENTITY_KEY with an error naming the variable, not the value', () => {
    // Prepare
    const key = 'short-key-value';
    // Act
    const act = () => localIdentityKey({ CHATOPS_IDENTITY_KEY: key });
    // Assess
    expect(act).toThrow(IdentityKeyError);
    expect(act).toThrow(/CHATOPS_IDENTITY_KEY: must be a string of at least 32 characters/);
    expect(act).not.toThrow(new RegExp(key));
  });

  it('generates a different random key on each start when none is set', () => {
    // Act
    const first = localIdentityKey({});
    const second = localIdentityKey({});
    // Assess
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
  });

  it('reads {current, previous} from the secret', async () => {
    // Prepare
    const value = JSON.stringify({ current: 'c'.repeat(32), previous: 'p'.repeat(32) });
    const read = jest.fn(async () => value);
    // Act
    const ring = await secretIdentityKeys('chatops/identity-key', read)();
    // Assess
    expect(ring).toEqual({ current: 'c'.repeat(32), previous: 'p'.repeat(32) });
    expect(read).toHaveBeenCalledWith('chatops/identity-key', 300);
  });

  it.each([
    ['not JSON', 'plain', /chatops\/identity-key: must hold JSON/],
    ['without current', '{"previous":"pppppppppppppppppppppppppppppppp"}', /chatops\/identity-key\.current/],
    ['with a short previous', `{"current":"${'c'.repeat(32)}","previous":"p"}`, /\.previous: must be/],
  ])('refuses a secret %s', (_label, value, message) => {
    // Act / Assess
    expect(() => parseIdentityKeySecret(value, 'chatops/identity-key')).toThrow(message);
  });

  it('names IDENTITY_KEY_SECRET_ID when it is missing', () => {
    // Act / Assess
    expect(() => identityKeysFromEnv({})).toThrow(/IDENTITY_KEY_SECRET_ID: is not set/);
  });
});
