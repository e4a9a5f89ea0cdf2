import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import { type ExtractedSlots, SlotExtractor } from '../../../../../local/lex-runtime/nlu/slot-extractor';

const extractor = new SlotExtractor(compileBotModel(toBotLocale(catalog)));
const values = (slots: ExtractedSlots) =>
  Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, v.interpretedValue]));

describe('SlotExtractor', () => {
  it('fills four slots from one utterance, resolving the enumeration to its canonical value', () => {
    // Prepare
    const text = 'a new sandbox account called data-lab for dana@example.com under Workloads';

    // Act
    const slots = extractor.extract('VendAccount', text);

    // Assess
    expect(values(slots)).toEqual({
      AccountType: 'Sandbox',
      AccountName: 'data-lab',
      AccountEmail: 'dana@example.com',
      OrganizationalUnit: 'Workloads',
    });
    expect(slots.AccountType).toEqual({
      originalValue: 'sandbox',
      interpretedValue: 'Sandbox',
      resolvedValues: ['Sandbox'],
    });
  });

  it('resolves synonyms (prd → Production) and accepts unseen open values shaped like the examples', () => {
    // Prepare
    const text = 'build a fresh prd account named ml-platform-dev for core@example.com under Production';

    // Act
    const slots = values(extractor.extract('VendAccount', text));

    // Assess
    expect(slots).toEqual({
      AccountType: 'Production',
      AccountName: 'ml-platform-dev',
      AccountEmail: 'core@example.com',
      OrganizationalUnit: 'Production',
    });
  });

  it('gives one word to one slot: the first "sandbox" is the type, the one after "in" the OU', () => {
    // Prepare
    const text = 'new sandbox account for sam@example.com in Sandbox';

    // Act
    const slots = values(extractor.extract('VendAccount', text));

    // Assess
    expect(slots).toEqual({
      AccountType: 'Sandbox',
      AccountEmail: 'sam@example.com',
      OrganizationalUnit: 'Sandbox',
    });
  });

  it('reads AMAZON.AlphaNumeric request ids as letters and digits only', () => {
    // Prepare
    const text = 'any progress on REQ-3D4F6H8J';

    // Act
    const slots = extractor.extract('RequestStatus', text);

    // Assess
    expect(slots.RequestId).toEqual({
      originalValue: 'REQ-3D4F6H8J',
      interpretedValue: 'REQ3D4F6H8J',
      resolvedValues: ['REQ3D4F6H8J'],
    });
  });

  it('does not take carrier words or plain words without a cue as open values', () => {
    // Prepare
    const texts = ['my aws credentials leaked on github', 'has the release pipeline passed'];

    // Act
    const results = [
      extractor.extract('RotateAccessKey', texts[0] ?? ''),
      extractor.extract('PipelineStatus', texts[1] ?? ''),
    ];

    // Assess
    expect(results).toEqual([{}, {}]);
  });

  it('takes a plain word as an open value after a learned cue ("for carol")', () => {
    // Prepare
    const text = 'rotate the iam user key for carol';

    // Act
    const slots = values(extractor.extract('RotateAccessKey', text));

    // Assess
    expect(slots).toEqual({ UserName: 'carol' });
  });

  it('reads a short reply as the value of the elicited slot, without the slot wording', () => {
    // Prepare
    const replies = ['mine', 'call it team-green', 'the email is lee@example.com', 'prod'];

    // Act
    const [user, name, email, type] = [
      extractor.extract('RotateAccessKey', replies[0] ?? '', { elicitedSlot: 'UserName' }),
      extractor.extract('VendAccount', replies[1] ?? '', { elicitedSlot: 'AccountName' }),
      extractor.extract('VendAccount', replies[2] ?? '', { elicitedSlot: 'AccountEmail' }),
      extractor.extract('VendAccount', replies[3] ?? '', { elicitedSlot: 'AccountType' }),
    ];

    // Assess
    expect(user.UserName?.interpretedValue).toBe('mine');
    expect(name.AccountName?.interpretedValue).toBe('team-green');
    expect(email.AccountEmail?.interpretedValue).toBe('lee@example.com');
    expect(type.AccountType?.interpretedValue).toBe('Production');
  });

  it('rejects a reply that is no value of a closed slot type', () => {
    // Prepare
    const reply = 'banana';

    // Act
    const slots = extractor.extract('VendAccount', reply, { elicitedSlot: 'AccountType' });

    // Assess
    expect(slots.AccountType).toBeUndefined();
  });

  it('only counts a sample utterance as matched when its placeholders hold values of their types', () => {
    // Prepare
    const match = 'where is REQ-5G8H3N7Q';
    const noMatch = 'where is the nearest coffee shop';

    // Act
    const results = [
      extractor.isSampleUtterance('RequestStatus', match),
      extractor.isSampleUtterance('RequestStatus', noMatch),
    ];

    // Assess
    expect(results).toEqual([true, false]);
  });

  it.each([
    ['rejecting mobile-backend', { PipelineName: 'mobile-backend', Decision: 'Reject' }],
    ['declined the web-app deployment', { PipelineName: 'web-app', Decision: 'Reject' }],
    ['i am approving web-app', { PipelineName: 'web-app', Decision: 'Approve' }],
    ['reject the data-lake-etl approval', { PipelineName: 'data-lake-etl', Decision: 'Reject' }],
  ])(
    'resolves an inflected closed-list value by its stems, never the intent’s own wording: %s',
    (text, expected) => {
      // Prepare
      const utterance = text;

      // Act
      const slots = extractor.extract('PipelineApproval', utterance);

      // Assess
      expect(values(slots)).toEqual(expected);
    },
  );

  it.each([
    ['page three of the pipelines', '3'],
    ['the second page of the pipeline summary', '2'],
    ['pipeline summary, 4th page', '4'],
  ])('reads a number word or an ordinal next to its cue as digits: %s', (text, page) => {
    // Act
    const slots = extractor.extract('PipelineSummary', text);

    // Assess
    expect(values(slots)).toEqual({ Page: page });
  });

  it.each([
    'wait a second, the pipeline summary please',
    'quick one: the pipeline summary',
    'back after two weeks, how are the pipelines',
  ])('reads no number word or ordinal without a cue as a number: %s', (text) => {
    // Act
    const slots = extractor.extract('PipelineSummary', text);

    // Assess
    expect(values(slots)).toEqual({});
  });

  it('reads a number word as the reply to the prompt for it', () => {
    // Act
    const slots = extractor.extract('PipelineSummary', 'three', { elicitedSlot: 'Page' });

    // Assess
    expect(values(slots)).toEqual({ Page: '3' });
  });

  it("takes no contraction of a stop word as an open value (it's)", () => {
    // Act
    const slots = extractor.extract(
      'VendAccount',
      "I need an account for dana@example.com, it's for a short experiment",
    );

    // Assess
    expect(values(slots)).toEqual({ AccountEmail: 'dana@example.com' });
  });

  it('resolves a synonym said around another value ("let it through" → let web-app through)', () => {
    // Act
    const slots = extractor.extract('PipelineApproval', 'let the web-app pipeline through');

    // Assess
    expect(values(slots)).toEqual({ PipelineName: 'web-app', Decision: 'Approve' });
    expect(slots.Decision?.originalValue).toBe('let through');
  });

  it.each([
    ['do not approve web-app', 'Reject'],
    ['never let web-app through', 'Reject'],
    ['not a rejection: approve web-app', 'Approve'],
  ])('reads a negated value of a two-value list as the other value: %s', (text, decision) => {
    // Act
    const slots = extractor.extract('PipelineApproval', text);

    // Assess
    expect(values(slots)).toEqual({ PipelineName: 'web-app', Decision: decision });
  });

  it.each<[string, string, Record<string, string>]>([
    [
      "a shortening that is also another slot's word, once a cue makes it this slot's",
      'new sbx acct lab-x ou prod',
      { AccountType: 'Sandbox', AccountName: 'lab-x', OrganizationalUnit: 'Production' },
    ],
    [
      'a shortened listed value alone between commas, as a list item',
      'new account for li@example.com, sandbox, sec',
      { AccountEmail: 'li@example.com', AccountType: 'Sandbox', OrganizationalUnit: 'Security' },
    ],
    [
      'a consonant skeleton of a listed one-word name after its cue',
      'a sandbox account in the wkld ou',
      { AccountType: 'Sandbox', OrganizationalUnit: 'Workloads' },
    ],
    [
      'a listed one-word name in another form after its cue',
      'an account in the workload ou',
      { OrganizationalUnit: 'Workloads' },
    ],
    [
      'no AWS region as a name, but a name ending in a number',
      'open a test account named qa-env-3 in us-east-1',
      { AccountType: 'Sandbox', AccountName: 'qa-env-3' },
    ],
    ['no quantity with its unit as a name', 'new account pls, mine are 200d old', {}],
  ])('resolves %s: %s', (_what, text, expected) => {
    // Act
    const slots = extractor.extract('VendAccount', text);

    // Assess
    expect(values(slots)).toEqual(expected);
  });

  it('resolves a shortened one-word listed value after its cue (the infra OU → Infrastructure)', () => {
    // Act
    const slots = extractor.extract('VendAccount', 'a prod account in the infra ou');

    // Assess
    expect(values(slots)).toEqual({ AccountType: 'Production', OrganizationalUnit: 'Infrastructure' });
    expect(slots.OrganizationalUnit?.originalValue).toBe('infra');
  });

  it('lets no cue reach across a comma in a list of values (Security OU, prd)', () => {
    // Act
    const slots = extractor.extract('VendAccount', 'new account: security-tooling, Security OU, prd');

    // Assess
    expect(values(slots)).toEqual({
      AccountName: 'security-tooling',
      OrganizationalUnit: 'Security',
      AccountType: 'Production',
    });
  });
});
