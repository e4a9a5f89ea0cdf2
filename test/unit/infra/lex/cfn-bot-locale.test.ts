/** The catalog's PascalCase bot locale becomes CfnBot's typed camelCase locale, field for field. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CfnBot } from 'aws-cdk-lib/aws-lex';
import { toCfnBotLocale } from '../../../../infra/lex/cfn-bot-locale';
import { catalog } from '../../../../intents/catalog';
import { toBotLocale } from '../../../../intents/lex-definition';

/** Lower-cases the first letter of every key, recursively: the mechanical meaning of the conversion. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [`${k[0]?.toLowerCase()}${k.slice(1)}`, camelKeys(v)]),
    );
  }
  return value;
}

describe('toCfnBotLocale', () => {
  it('maps every field of the catalog locale, and nothing else', () => {
    // Prepare
    const locale = toBotLocale(catalog);

    // Act
    const converted = toCfnBotLocale(locale);

    // Assess
    expect(converted).toEqual(camelKeys(locale));
  });

  it('keeps every intent, utterance, slot and slot type of the catalog', () => {
    // Prepare
    const locale = toBotLocale(catalog);

    // Act
    const converted = toCfnBotLocale(locale);

    // Assess
    const intents = (converted.intents ?? []) as CfnBot.IntentProperty[];
    expect(intents.map((i) => i.name)).toEqual(catalog.list().map((s) => s.id));
    for (const spec of catalog.list()) {
      const intent = intents.find((i) => i.name === spec.id);
      const utterances = ((intent?.sampleUtterances ?? []) as CfnBot.SampleUtteranceProperty[]).map(
        (u) => u.utterance,
      );
      expect(utterances).toEqual(spec.parentIntent ? [] : spec.utterances);
      const slots = ((intent?.slots ?? []) as CfnBot.SlotProperty[]).map((s) => [s.name, s.slotTypeName]);
      expect(slots).toEqual(spec.slots.map((s) => [s.name, s.type]));
    }
    const slotTypes = (converted.slotTypes ?? []) as CfnBot.SlotTypeProperty[];
    expect(slotTypes.map((t) => t.name)).toEqual(catalog.customSlotTypes().map((t) => t.name));
  });

  it('is accepted by CfnBot, whose validation a PascalCase locale fails', () => {
    // Prepare
    const fast = { builtinCloudFormationValidation: false };
    const stack = new Stack(new App(fast), 'LocaleCheck');
    const pascal = new Stack(new App(fast), 'PascalCheck');
    new CfnBot(pascal, 'Bot', {
      name: 'pascal-check',
      roleArn: 'arn:aws:iam::111111111111:role/lex',
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: 300,
      botLocales: [toBotLocale(catalog) as unknown as CfnBot.BotLocaleProperty],
    });

    // Act
    new CfnBot(stack, 'Bot', {
      name: 'locale-check',
      roleArn: 'arn:aws:iam::111111111111:role/lex',
      dataPrivacy: { ChildDirected: false },
      idleSessionTtlInSeconds: 300,
      botLocales: [toCfnBotLocale(toBotLocale(catalog))],
    });

    // Assess
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lex::Bot', {
      BotLocales: [{ LocaleId: 'en_US', Intents: toBotLocale(catalog).Intents }],
    });
    expect(() => Template.fromStack(pascal)).toThrow(/localeId/);
  });
});
