import { catalog } from '../../../../intents/catalog';
import { toBotLocale } from '../../../../intents/lex-definition';
import { compileBotModel, LocalLexConfigError } from '../../../../local/lex-runtime/bot-model';

describe('compileBotModel', () => {
  it('orders slots by SlotPriorities and keeps prompts, retries and hooks from the locale', () => {
    // Prepare
    const locale = toBotLocale(catalog);

    // Act
    const model = compileBotModel(locale);

    // Assess
    const vend = model.intent('VendAccount');
    expect(vend?.slots.map((s) => s.name)).toEqual([
      'AccountName',
      'AccountEmail',
      'OrganizationalUnit',
      'AccountType',
    ]);
    expect(vend?.slots[0]?.prompts).toHaveLength(2);
    expect(vend?.slots[0]?.maxRetries).toBe(2);
    expect(vend?.confirmation?.prompts[0]).toContain('{AccountName}');
    expect(vend?.dialogHook).toBe(true);
    expect(model.fallback.name).toBe('FallbackIntent');
    expect(model.nluConfidenceThreshold).toBe(0.4);
  });

  it('maps built-in and custom slot types to their kinds', () => {
    // Prepare
    const model = compileBotModel(toBotLocale(catalog));

    // Act
    const kinds = Object.fromEntries(
      model.intents.flatMap((i) => i.slots.map((s) => [`${i.name}.${s.name}`, s.type.kind])),
    );

    // Assess
    expect(kinds).toMatchObject({
      'VendAccount.AccountEmail': 'email',
      'VendAccount.AccountType': 'enum',
      'VendAccount.AccountName': 'open',
      'RequestStatus.RequestId': 'alphanumeric',
    });
  });

  it('refuses a slot whose type is neither built in nor defined', () => {
    // Prepare
    const locale = toBotLocale(catalog);
    const broken = { ...locale, SlotTypes: locale.SlotTypes.filter((t) => t.Name !== 'AccountTypeValues') };

    // Act
    const act = () => compileBotModel(broken);

    // Assess
    expect(act).toThrow(LocalLexConfigError);
  });

  it('refuses a locale without a fallback intent', () => {
    // Prepare
    const locale = toBotLocale(catalog);
    const broken = { ...locale, Intents: locale.Intents.filter((i) => !i.ParentIntentSignature) };

    // Act
    const act = () => compileBotModel(broken);

    // Assess
    expect(act).toThrow(/FallbackIntent/);
  });
});
