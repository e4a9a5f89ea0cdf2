/** Request ids: format of new ids and normalisation of what people (or Lex) type. */
import { ValidationError } from '../../../../handlers/errors';
import { isRequestId, newRequestId, parseRequestId } from '../../../../handlers/ledger/request-id';

describe('newRequestId', () => {
  it('is REQ- and 8 Crockford base32 characters', () => {
    // Prepare
    const ids = Array.from({ length: 50 }, () => newRequestId());
    // Act
    const malformed = ids.filter((id) => !/^REQ-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}$/.test(id));
    // Assess
    expect(malformed).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('encodes the 40 random bits big-endian, 5 bits per character', () => {
    // Prepare
    const bytes = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x21]);
    const ones = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]);
    // Act
    const small = newRequestId(() => bytes);
    const large = newRequestId(() => ones);
    // Assess
    expect(small).toBe('REQ-00000011');
    expect(large).toBe('REQ-ZZZZZZZZ');
    expect(isRequestId(small)).toBe(true);
  });
});

describe('parseRequestId', () => {
  it.each([
    ['REQ-5G8H3N7Q', 'REQ-5G8H3N7Q'],
    ['REQ5G8H3N7Q', 'REQ-5G8H3N7Q'],
    ['req-5g8h3n7q', 'REQ-5G8H3N7Q'],
    ['Req5g8H3n7Q', 'REQ-5G8H3N7Q'],
    ['  REQ-5G8H 3N7Q ', 'REQ-5G8H3N7Q'],
    ['5G8H3N7Q', 'REQ-5G8H3N7Q'],
  ])('accepts %p as %p', (input, expected) => {
    // Prepare
    const typed = input;
    // Act
    const id = parseRequestId(typed);
    // Assess
    expect(id).toBe(expected);
  });

  it('folds Crockford look-alikes: I and L to 1, O to 0', () => {
    // Prepare
    const typed = 'req-IlO0abcd';
    // Act
    const id = parseRequestId(typed);
    // Assess
    expect(id).toBe('REQ-1100ABCD');
  });

  it.each(['', 'REQ-', 'REQ-5G8H3N7', 'REQ-5G8H3N7QX', 'REQ-5G8H3N7U', 'TICKET-12345678', 'REQ-5G8H_N7Q'])(
    'rejects %p with a ValidationError naming RequestId',
    (input) => {
      // Prepare
      const parse = () => parseRequestId(input);
      // Act
      let error: unknown;
      try {
        parse();
      } catch (err) {
        error = err;
      }
      // Assess
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'RequestId' });
      expect((error as Error).message).toContain('REQ-5G8H3N7Q');
    },
  );
});
