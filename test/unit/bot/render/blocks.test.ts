import { toLexReply } from '../../../../bot/conversation/lex-client';
import { decodeChoice } from '../../../../bot/render/action-ids';
import {
  enumeratedValues,
  longReplySummary,
  renderLexReply,
  SECTION_LIMIT,
  textSections,
} from '../../../../bot/render/blocks';
import { catalog } from '../../../../intents/catalog';
import { lexFixtures } from '../support/lex-fixtures';

type Block = {
  type: string;
  block_id?: string;
  elements?: { action_id: string; value: string; text: { text: string } }[];
};
const actions = (blocks: unknown[]) => (blocks as Block[]).filter((b) => b.type === 'actions');

describe('renderLexReply', () => {
  it('turns an enumerated slot into one button per value, owned by the user', () => {
    // Prepare
    const reply = toLexReply(lexFixtures.elicitSlot);

    // Act
    const rendered = renderLexReply(reply, 'UALICE0001', catalog);

    // Assess
    const buttons = actions(rendered.blocks)[0]?.elements ?? [];
    expect(buttons.map((b) => b.text.text)).toEqual(['Sandbox', 'Production']);
    expect(buttons.map((b) => b.action_id)).toEqual(['lex_slot_value_0', 'lex_slot_value_1']);
    expect(decodeChoice(buttons[0]?.value)).toEqual({ owner: 'UALICE0001', utterance: 'Sandbox' });
    expect(rendered.hasButtons).toBe(true);
  });

  it('does not offer buttons for open slot types (examples only)', () => {
    // Prepare
    const reply = { ...toLexReply(lexFixtures.elicitSlot), slotToElicit: 'OrganizationalUnit' };

    // Act
    const rendered = renderLexReply(reply, 'UALICE0001', catalog);

    // Assess
    expect(actions(rendered.blocks)).toHaveLength(0);
  });

  it('turns ConfirmIntent into Yes/No buttons saying yes and no', () => {
    // Prepare
    const reply = toLexReply(lexFixtures.confirmIntent);

    // Act
    const rendered = renderLexReply(reply, 'UALICE0001', catalog);

    // Assess
    const buttons = actions(rendered.blocks)[0]?.elements ?? [];
    expect(buttons.map((b) => [b.action_id, b.text.text, decodeChoice(b.value)?.utterance])).toEqual([
      ['lex_confirm_yes', 'Yes', 'yes'],
      ['lex_confirm_no', 'No', 'no'],
    ]);
  });

  it('renders Lex response-card buttons', () => {
    // Prepare
    const reply = toLexReply(lexFixtures.responseCard);

    // Act
    const rendered = renderLexReply(reply, 'UBOB00001', catalog);

    // Assess
    const buttons = actions(rendered.blocks)[0]?.elements ?? [];
    expect(buttons.map((b) => decodeChoice(b.value))).toEqual([
      { owner: 'UBOB00001', utterance: 'web-app' },
      { owner: 'UBOB00001', utterance: 'payments-api' },
    ]);
  });

  it('renders a closing message without buttons and escapes markup', () => {
    // Prepare
    const reply = { ...toLexReply(lexFixtures.closeFulfilled), messages: ['Done <b> & dusted'] };

    // Act
    const rendered = renderLexReply(reply, 'UALICE0001', catalog);

    // Assess
    expect(rendered.hasButtons).toBe(false);
    expect(rendered.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Done &lt;b&gt; &amp; dusted' } },
    ]);
    expect(rendered.long).toBe(false);
  });

  it('flags long answers for a thread', () => {
    // Prepare
    const lines = Array.from({ length: 30 }, (_, i) => `Stage ${i}: Succeeded`);
    const reply = { messages: [lines.join('\n')], cardButtons: [], dialogAction: 'Close' as const };

    // Act
    const rendered = renderLexReply(reply, 'UALICE0001', catalog);

    // Assess
    expect(rendered.long).toBe(true);
    expect(longReplySummary(rendered.text).text).toBe('Stage 0: Succeeded');
  });
});

describe('textSections', () => {
  it('splits text into sections within Slack’s limit without losing any', () => {
    // Prepare
    const text = `${'a'.repeat(2500)}\n${'b'.repeat(2500)}\n${'c'.repeat(7000)}`;

    // Act
    const sections = textSections(text) as { text: { text: string } }[];

    // Assess
    expect(sections.every((s) => s.text.text.length <= SECTION_LIMIT)).toBe(true);
    expect(
      sections
        .map((s) => s.text.text)
        .join('\n')
        .replace(/\n/g, ''),
    ).toBe(text.replace(/\n/g, ''));
  });
});

describe('enumeratedValues', () => {
  it('knows AccountType is a closed list and AccountName is not', () => {
    // Prepare / Act
    const type = enumeratedValues(catalog, 'VendAccount', 'AccountType');
    const name = enumeratedValues(catalog, 'VendAccount', 'AccountName');

    // Assess
    expect(type).toEqual(['Sandbox', 'Production']);
    expect(name).toEqual([]);
  });
});

describe('renderLexReply: user-controlled text arrives inert', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@UCAROL0001>', '&lt;@UCAROL0001&gt;'],
    ['<http://evil.example|click>', '&lt;http://evil.example|click&gt;'],
  ])('escapes %s echoed in a prompt in the fallback text and the sections', (typed, escaped) => {
    // Prepare
    const reply = { messages: [`Create the account ${typed}?`], cardButtons: [] };

    // Act
    const rendered = renderLexReply(reply, 'UALICE0001', catalog);

    // Assess
    expect(rendered.text).toBe(`Create the account ${escaped}?`);
    expect(JSON.stringify(rendered.blocks)).toContain(escaped);
    expect(JSON.stringify(rendered.blocks)).not.toContain(typed);
  });

  it('summarises a long escaped reply without escaping it twice', () => {
    // Prepare
    const rendered = renderLexReply(
      {
        messages: [['<!here> & more', ...Array.from({ length: 20 }, (_, i) => `line ${i}`)].join('\n')],
        cardButtons: [],
      },
      'UALICE0001',
      catalog,
    );

    // Act
    const summary = longReplySummary(rendered.text);

    // Assess
    expect(rendered.long).toBe(true);
    expect(summary.text).toBe('&lt;!here&gt; &amp; more');
    expect(JSON.stringify(summary.blocks)).toContain(
      '&lt;!here&gt; &amp; more\\n_Full answer in the thread._',
    );
  });
});
