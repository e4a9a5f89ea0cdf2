import { redact } from '../../../handlers/logger';

describe('redact', () => {
  it('replaces secret-looking keys at any depth', () => {
    // Prepare
    const entry = {
      botToken: 'xoxb-1-2',
      nested: { signingSecret: 's3cr3t', headers: { authorization: 'Bearer x' } },
    };
    // Act
    const safe = redact(entry);
    // Assess
    expect(safe).toEqual({
      botToken: '[REDACTED]',
      nested: { signingSecret: '[REDACTED]', headers: { authorization: '[REDACTED]' } },
    });
  });

  it('masks Slack tokens and AWS access key ids inside free text, errors and arrays', () => {
    // Prepare
    const entry = {
      message: 'call failed with xoxb-123456-abcdef for AKIAIOSFODNN7EXAMPLE',
      list: ['xapp-1-A1-2-abc'],
      error: new Error('token xoxp-999-888 rejected'),
    };
    // Act
    const safe = JSON.stringify(redact(entry));
    // Assess
    expect(safe).not.toMatch(/xox[bp]-|xapp-|AKIA/);
    expect(safe).toContain('call failed with [REDACTED] for [REDACTED]');
  });

  it('keeps ordinary values', () => {
    // Act
    const safe = redact({ requestId: 'REQ-5G8H3N7Q', count: 3, ok: true });
    // Assess
    expect(safe).toEqual({ requestId: 'REQ-5G8H3N7Q', count: 3, ok: true });
  });
});
