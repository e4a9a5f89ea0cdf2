import { catalog } from '../../../intents/catalog';
import { toBotLocale } from '../../../intents/lex-definition';

describe('toBotLocale', () => {
  const locale = toBotLocale(catalog);

  it('builds an en_US locale with the default confidence threshold', () => {
    // Assess
    expect(locale.LocaleId).toBe('en_US');
    expect(locale.NluConfidenceThreshold).toBe(0.4);
  });

  it('takes options for locale and threshold', () => {
    // Act
    const custom = toBotLocale(catalog, { localeId: 'en_GB', nluConfidenceThreshold: 0.6 });
    // Assess
    expect(custom.LocaleId).toBe('en_GB');
    expect(custom.NluConfidenceThreshold).toBe(0.6);
  });

  it('contains every intent and every sample utterance exactly once', () => {
    for (const spec of catalog.list()) {
      // Act
      const intent = locale.Intents.find((i) => i.Name === spec.id);
      // Assess
      expect(intent).toBeDefined();
      expect(intent?.SampleUtterances?.map((u) => u.Utterance) ?? []).toEqual([...spec.utterances]);
    }
    expect(locale.Intents).toHaveLength(catalog.list().length);
  });

  it('declares the fallback intent with parent AMAZON.FallbackIntent and no utterances', () => {
    // Act
    const fallback = locale.Intents.find((i) => i.Name === 'FallbackIntent');
    // Assess
    expect(fallback?.ParentIntentSignature).toBe('AMAZON.FallbackIntent');
    expect(fallback?.SampleUtterances).toBeUndefined();
    expect(fallback?.Slots).toBeUndefined();
  });

  it('maps every slot with its type, constraint, prompts and priority', () => {
    for (const spec of catalog.list()) {
      const intent = locale.Intents.find((i) => i.Name === spec.id);
      for (const slot of spec.slots) {
        // Act
        const lexSlot = intent?.Slots?.find((s) => s.Name === slot.name);
        const priority = intent?.SlotPriorities?.find((p) => p.SlotName === slot.name);
        // Assess
        expect(lexSlot?.SlotTypeName).toBe(slot.type);
        expect(lexSlot?.ValueElicitationSetting.SlotConstraint).toBe(slot.required ? 'Required' : 'Optional');
        const groups = lexSlot?.ValueElicitationSetting.PromptSpecification.MessageGroupsList ?? [];
        expect(groups.map((g) => g.Message.PlainTextMessage.Value)).toEqual([slot.prompt, slot.retryPrompt]);
        expect(lexSlot?.ValueElicitationSetting.PromptSpecification.MessageSelectionStrategy).toBe('Ordered');
        expect(priority).toBeDefined();
      }
    }
  });

  it('orders VendAccount slot priorities as the spec says', () => {
    // Act
    const priorities = locale.Intents.find((i) => i.Name === 'VendAccount')?.SlotPriorities;
    // Assess
    expect(priorities).toEqual([
      { Priority: 1, SlotName: 'AccountName' },
      { Priority: 2, SlotName: 'AccountEmail' },
      { Priority: 3, SlotName: 'OrganizationalUnit' },
      { Priority: 4, SlotName: 'AccountType' },
    ]);
  });

  it('contains every custom slot type with values, synonyms and resolution strategy', () => {
    for (const type of catalog.customSlotTypes()) {
      // Act
      const lexType = locale.SlotTypes.find((t) => t.Name === type.name);
      // Assess
      expect(lexType?.SlotTypeValues.map((v) => v.SampleValue.Value)).toEqual(
        type.values.map((v) => v.value),
      );
      for (const value of type.values) {
        const synonyms =
          lexType?.SlotTypeValues.find((v) => v.SampleValue.Value === value.value)?.Synonyms ?? [];
        expect(synonyms.map((s) => s.Value)).toEqual(value.synonyms ?? []);
      }
      expect(lexType?.ValueSelectionSetting.ResolutionStrategy).toBe(
        type.resolution === 'TopResolution' ? 'TOP_RESOLUTION' : 'ORIGINAL_VALUE',
      );
    }
  });

  it('enables code hooks and confirmation as the specs declare', () => {
    // Act
    const vend = locale.Intents.find((i) => i.Name === 'VendAccount');
    const help = locale.Intents.find((i) => i.Name === 'Help');
    // Assess
    expect(vend?.DialogCodeHook).toEqual({ Enabled: true });
    expect(vend?.FulfillmentCodeHook).toEqual({ Enabled: true });
    expect(
      vend?.IntentConfirmationSetting?.PromptSpecification.MessageGroupsList[0]?.Message.PlainTextMessage
        .Value,
    ).toContain('{AccountName}');
    expect(help?.DialogCodeHook).toEqual({ Enabled: false });
    expect(help?.IntentConfirmationSetting).toBeUndefined();
  });

  it('is pure: the same catalog gives the same definition', () => {
    // Act
    const again = toBotLocale(catalog);
    // Assess
    expect(again).toEqual(locale);
  });
});
