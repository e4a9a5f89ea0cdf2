import { mrkdwnToText, renderMessage } from '../../../../local/terminal-chat/render-blocks';
import blockActionsFixture from '../../../fixtures/slack/interactivity-block-actions.json';

describe('renderMessage', () => {
  it('numbers the buttons of an actions block and keeps what pressing them needs', () => {
    // Prepare
    const message = blockActionsFixture.message;

    // Act
    const rendered = renderMessage(message, { firstButtonNumber: 3 });

    // Assess
    expect(rendered.lines).toEqual(['Which account type?', '[3] Sandbox  [4] Production']);
    expect(rendered.buttons).toEqual([
      { number: 3, label: 'Sandbox', actionId: 'chatops_choice_0', blockId: 'choices', value: 'Sandbox' },
      {
        number: 4,
        label: 'Production',
        actionId: 'chatops_choice_1',
        blockId: 'choices',
        value: 'Production',
      },
    ]);
  });

  it('renders headers, fields, context, dividers and section accessories', () => {
    // Prepare
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Pipeline web-app' } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Source* ✅' },
          { type: 'mrkdwn', text: '*Build* ✅' },
        ],
      },
      { type: 'divider' },
      {
        type: 'section',
        block_id: 'req',
        text: { type: 'mrkdwn', text: 'REQ-5G8H3N7Q is waiting' },
        accessory: {
          type: 'button',
          action_id: 'approval_approve',
          value: 'REQ-5G8H3N7Q',
          text: { type: 'plain_text', text: 'Approve' },
        },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '_sandbox world_' }] },
    ];

    // Act
    const rendered = renderMessage({ text: 'fallback', blocks });

    // Assess
    expect(rendered.lines).toEqual([
      'PIPELINE WEB-APP',
      '  Source ✅',
      '  Build ✅',
      '────────',
      'REQ-5G8H3N7Q is waiting',
      '[1] Approve',
      'sandbox world',
    ]);
    expect(rendered.buttons[0]).toMatchObject({
      actionId: 'approval_approve',
      blockId: 'req',
      value: 'REQ-5G8H3N7Q',
    });
  });

  it('falls back to the text when there are no blocks', () => {
    // Prepare
    const message = { text: 'line one\nline &lt;two&gt;' };

    // Act
    const rendered = renderMessage(message);

    // Assess
    expect(rendered).toEqual({ lines: ['line one', 'line <two>'], buttons: [] });
  });

  it('renders rich_text blocks with user mentions by name', () => {
    // Prepare
    const blocks = [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'user', user_id: 'UBOB00001' },
              { type: 'text', text: ' hi' },
            ],
          },
        ],
      },
    ];

    // Act
    const rendered = renderMessage({ blocks }, { userNames: { UBOB00001: 'bob' } });

    // Assess
    expect(rendered.lines).toEqual(['@bob hi']);
  });
});

describe('renderMessage without numbering', () => {
  it('shows buttons as labels and returns none', () => {
    // Prepare
    const message = blockActionsFixture.message;

    // Act
    const rendered = renderMessage(message, { numberButtons: false });

    // Assess
    expect(rendered).toEqual({ lines: ['Which account type?', '[Sandbox]  [Production]'], buttons: [] });
  });
});

describe('mrkdwnToText', () => {
  it('turns links, mentions and entities into plain text', () => {
    // Prepare
    const text =
      'See <https://console.aws.amazon.com/x|the console>, <@UALICE0001> &amp; <#C0DEPLOYS|deploys>';

    // Act
    const plain = mrkdwnToText(text, { UALICE0001: 'alice' });

    // Assess
    expect(plain).toBe('See the console (https://console.aws.amazon.com/x), @alice & #deploys');
  });

  it('drops bold, italic and code marks but keeps underscores inside words', () => {
    // Prepare
    const text = '*REQ-5G8H3N7Q* · `data-lab` · _Filed today_ · snake_case_name · 2*3*4';

    // Act
    const plain = mrkdwnToText(text);

    // Assess
    expect(plain).toBe('REQ-5G8H3N7Q · data-lab · Filed today · snake_case_name · 2*3*4');
  });

  it('shows date tokens by their fallback text and known emoji as characters', () => {
    // Prepare
    const text =
      ':hourglass_flowing_sand: Filed <!date^1795414667^{date_short_pretty} {time}|2026-11-23T06:17:47Z> :unknown_one:';

    // Act
    const plain = mrkdwnToText(text);

    // Assess
    expect(plain).toBe('⏳ Filed 2026-11-23T06:17:47Z :unknown_one:');
  });
});
