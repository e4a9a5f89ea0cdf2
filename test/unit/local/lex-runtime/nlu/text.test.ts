import {
  asksOf,
  isCompound,
  isMixedId,
  maskEntities,
  tokenize,
} from '../../../../../local/lex-runtime/nlu/text';

describe('tokenize', () => {
  it('keeps emails, hyphenated names and request ids whole, without trailing punctuation', () => {
    // Prepare
    const text = 'create ml-platform-dev for dana@example.com, see REQ-5G8H3N7Q.';

    // Act
    const tokens = tokenize(text).map((t) => t.text);

    // Assess
    expect(tokens).toEqual(['create', 'ml-platform-dev', 'for', 'dana@example.com', 'see', 'REQ-5G8H3N7Q']);
  });

  it("strips a possessive 's in the bare form and keeps offsets", () => {
    // Prepare
    const text = "rotate ci-deployer's key";

    // Act
    const token = tokenize(text)[1];

    // Assess
    expect(token?.bare).toBe('ci-deployer');
    expect(text.slice(token?.start, token?.end)).toBe("ci-deployer's");
  });
});

describe('entity shapes', () => {
  it.each([
    ['REQ-5G8H3N7Q', true],
    ['req5g8h3n7q', true],
    ['REQ-EHBXKBAY', true],
    ['req-ehbxkbay', true],
    ['requirement', false],
    ['perf-test-01', false],
    ['api-gateway-v2', false],
    ['data-lab2', false],
    ['team42', false],
    ['req12345678', true],
    ['7am', false],
    ['web-app', false],
  ])('isMixedId(%s) is %s', (value, expected) => {
    // Prepare
    const input = value;

    // Act
    const result = isMixedId(input);

    // Assess
    expect(result).toBe(expected);
  });

  it('treats identifiers as compound and plain words or emails as not', () => {
    // Prepare
    const values = ['web-app', 'svc_2', 'alice', 'dana@example.com'];

    // Act
    const result = values.map(isCompound);

    // Assess
    expect(result).toEqual([true, true, false, false]);
  });

  it('masks entity-shaped tokens for the classifier', () => {
    // Prepare
    const text = 'is payments-api green for dana@example.com and REQ-5G8H3N7Q';

    // Act
    const masked = maskEntities(text);

    // Assess
    expect(masked).toBe('is zzname green for zzemail and zzid');
  });

  it('masks numbers too, so a page the samples never name is no unknown word', () => {
    // Prepare
    const text = 'pipelines page 12';

    // Act
    const masked = maskEntities(text);

    // Assess
    expect(masked).toBe('pipelines page zznum');
  });
});

describe('isMixedId', () => {
  it('takes an AWS resource id for some other system thing, never a request id', () => {
    // Act
    const ids = ['i-0a9b8c7d6e5f4a3b2', 'sg-0123abcd', 'AKIAIOSFODNN7EXAMPLE', 'REQ-5G8H3N7Q'].map(isMixedId);

    // Assess
    expect(ids).toEqual([false, false, false, true]);
  });
});

describe('asksOf', () => {
  it('keeps the questions and requests of a message, not its context', () => {
    // Prepare
    const text =
      'Hello, is the payments pipeline green now? We had a failing test. Could you check web-app too, thanks';

    // Act
    const asks = asksOf(text);

    // Assess
    expect(asks).toEqual(['is the payments pipeline green now', 'Could you check web-app too']);
  });

  it('finds no ask in a message of statements', () => {
    // Act
    const asks = asksOf('the build broke after lunch. the team is looking at it');

    // Assess
    expect(asks).toEqual([]);
  });
});
