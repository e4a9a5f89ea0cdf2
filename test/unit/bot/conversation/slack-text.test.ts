import { escapeSlackText, toUtterance } from '../../../../bot/conversation/slack-text';

describe('toUtterance', () => {
  it('unwraps Slack mailto links so Lex sees the bare email', () => {
    // Prepare
    const text = 'use <mailto:dana@example.com|dana@example.com> please';

    // Act
    const utterance = toUtterance(text);

    // Assess
    expect(utterance).toBe('use dana@example.com please');
  });

  it('drops the bot mention and keeps the rest', () => {
    // Prepare
    const text = '<@UCHATOPSBOT> what is the status of payments-api?';

    // Act
    const utterance = toUtterance(text, 'UCHATOPSBOT');

    // Assess
    expect(utterance).toBe('what is the status of payments-api?');
  });

  it('decodes HTML entities and unwraps links and channel references', () => {
    // Prepare
    const text =
      'a &amp; b &lt;x&gt; see <https://example.com/a|the docs> in <#C0DEPLOYS|deploys> or <https://x.io>';

    // Act
    const utterance = toUtterance(text);

    // Assess
    expect(utterance).toBe('a & b <x> see the docs in deploys or https://x.io');
  });

  it('treats missing text as empty', () => {
    // Prepare / Act
    const utterance = toUtterance(undefined);

    // Assess
    expect(utterance).toBe('');
  });
});

describe('escapeSlackText', () => {
  it('escapes the three control characters', () => {
    // Prepare / Act
    const escaped = escapeSlackText('<a> & <b>');

    // Assess
    expect(escaped).toBe('&lt;a&gt; &amp; &lt;b&gt;');
  });
});

describe('toUtterance and escapeSlackText: typed markup stays text', () => {
  it.each([
    ['&lt;!channel&gt; please', '<!channel> please'],
    ['&lt;@UCAROL0001&gt;', '<@UCAROL0001>'],
    ['&lt;http://evil.example|click&gt;', '<http://evil.example|click>'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
  ])('reads %s as the literal text typed and escapes it back to the same inert form', (slack, typed) => {
    // Act
    const utterance = toUtterance(slack);

    // Assess
    expect(utterance).toBe(typed);
    expect(escapeSlackText(utterance)).toBe(slack);
  });
});
