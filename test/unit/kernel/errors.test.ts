import { ChatOpsError, ERROR_CODES, errorCode } from '../../../kernel/errors';

describe('ChatOpsError', () => {
  it('keeps its code, details and cause', () => {
    // Prepare
    const cause = new Error('socket hang up');
    // Act
    const error = new ChatOpsError(
      'LEDGER_UNAVAILABLE',
      'The ledger is unavailable.',
      { table: 't' },
      { cause },
    );
    // Assess
    expect(error).toMatchObject({
      name: 'ChatOpsError',
      code: 'LEDGER_UNAVAILABLE',
      details: { table: 't' },
    });
    expect(error.cause).toBe(cause);
  });

  it('lists each code once', () => {
    // Act / Assess
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});

describe('errorCode', () => {
  it('answers the code of a ChatOps error', () => {
    // Act / Assess
    expect(errorCode(new ChatOpsError('FORBIDDEN', 'no'))).toBe('FORBIDDEN');
  });

  it('passes on a code-shaped code of another error, and INTERNAL for anything else', () => {
    // Prepare
    const throttled = Object.assign(new Error('slow down'), { code: 'THROTTLED' });
    const wordy = Object.assign(new Error('x'), { code: 'token xoxb-123 was rejected' });
    // Act / Assess
    expect(errorCode(throttled)).toBe('THROTTLED');
    expect(errorCode(wordy)).toBe('INTERNAL');
    expect(errorCode(new Error('plain'))).toBe('INTERNAL');
    expect(errorCode('a string')).toBe('INTERNAL');
    expect(errorCode(undefined)).toBe('INTERNAL');
    expect(errorCode(null)).toBe('INTERNAL');
  });
});
