import { isCancel, yesOrNo } from '../../../../../local/lex-runtime/dialog/replies';

describe('yesOrNo', () => {
  it.each([
    'yes',
    'Yeah!',
    'yep',
    'sure',
    'ok',
    'okay',
    'confirm',
    'go ahead',
    'do it',
    'please do',
    'yes please',
  ])('"%s" is yes', (reply) => {
    // Prepare
    const input = reply;

    // Act
    const answer = yesOrNo(input);

    // Assess
    expect(answer).toBe('yes');
  });

  it.each(['no', 'nope', 'nah', "don't", 'do not', 'negative', 'no, do not do it'])('"%s" is no', (reply) => {
    // Prepare
    const input = reply;

    // Act
    const answer = yesOrNo(input);

    // Assess
    expect(answer).toBe('no');
  });

  it.each(['maybe later', 'what is the status of web-app', ''])('"%s" is neither', (reply) => {
    // Prepare
    const input = reply;

    // Act
    const answer = yesOrNo(input);

    // Assess
    expect(answer).toBeUndefined();
  });
});

describe('isCancel', () => {
  it.each([
    'cancel',
    'never mind',
    'nevermind',
    'stop',
    'forget it',
    'abort',
    'please cancel that',
    'Cancel.',
  ])('"%s" cancels', (reply) => {
    // Prepare
    const input = reply;

    // Act
    const result = isCancel(input);

    // Assess
    expect(result).toBe(true);
  });

  it.each(['stop the web-app pipeline', 'cancel my account request REQ-5G8H3N7Q', 'data-lab'])(
    '"%s" does not cancel',
    (reply) => {
      // Prepare
      const input = reply;

      // Act
      const result = isCancel(input);

      // Assess
      expect(result).toBe(false);
    },
  );
});
