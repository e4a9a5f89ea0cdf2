/**
 * The catalog's bot locale (intents/lex-definition.ts `toBotLocale()`, CloudFormation's PascalCase
 * `BotLocales` item, also read by the local Lex runtime) as the typed camelCase
 * `CfnBot.BotLocaleProperty` the L1 construct takes, so CfnBot validates every field. One explicit
 * mapping per type: a field the builder starts to emit and this file does not map is a type error
 * in the tests (test/unit/infra/lex/cfn-bot-locale.test.ts compares both shapes field by field).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-lex-bot-botlocale.html
 */
import type { CfnBot } from 'aws-cdk-lib/aws-lex';
import type {
  LexBotLocale,
  LexIntent,
  LexSlot,
  LexSlotType,
  PlainTextMessageGroup,
  PromptSpecification,
  ResponseSpecification,
} from '../../intents/lex-bot-locale';

/** Converts the catalog's locale to CfnBot's camelCase shape. Pure. */
export function toCfnBotLocale(locale: LexBotLocale): CfnBot.BotLocaleProperty {
  return {
    localeId: locale.LocaleId,
    ...(locale.Description !== undefined ? { description: locale.Description } : {}),
    nluConfidenceThreshold: locale.NluConfidenceThreshold,
    slotTypes: locale.SlotTypes.map(slotType),
    intents: locale.Intents.map(intent),
  };
}

function messageGroup(group: PlainTextMessageGroup): CfnBot.MessageGroupProperty {
  return {
    message: { plainTextMessage: { value: group.Message.PlainTextMessage.Value } },
    ...(group.Variations
      ? {
          variations: group.Variations.map((v) => ({
            plainTextMessage: { value: v.PlainTextMessage.Value },
          })),
        }
      : {}),
  };
}

function prompt(spec: PromptSpecification): CfnBot.PromptSpecificationProperty {
  return {
    messageGroupsList: spec.MessageGroupsList.map(messageGroup),
    maxRetries: spec.MaxRetries,
    ...(spec.AllowInterrupt !== undefined ? { allowInterrupt: spec.AllowInterrupt } : {}),
    ...(spec.MessageSelectionStrategy ? { messageSelectionStrategy: spec.MessageSelectionStrategy } : {}),
  };
}

function response(spec: ResponseSpecification): CfnBot.ResponseSpecificationProperty {
  return {
    messageGroupsList: spec.MessageGroupsList.map(messageGroup),
    ...(spec.AllowInterrupt !== undefined ? { allowInterrupt: spec.AllowInterrupt } : {}),
  };
}

function utterances(list: { Utterance: string }[] | undefined) {
  return list ? { sampleUtterances: list.map((u) => ({ utterance: u.Utterance })) } : {};
}

function slotType(type: LexSlotType): CfnBot.SlotTypeProperty {
  return {
    name: type.Name,
    ...(type.Description !== undefined ? { description: type.Description } : {}),
    slotTypeValues: type.SlotTypeValues.map((v) => ({
      sampleValue: { value: v.SampleValue.Value },
      ...(v.Synonyms ? { synonyms: v.Synonyms.map((s) => ({ value: s.Value })) } : {}),
    })),
    valueSelectionSetting: { resolutionStrategy: type.ValueSelectionSetting.ResolutionStrategy },
  };
}

function slot(s: LexSlot): CfnBot.SlotProperty {
  const elicitation = s.ValueElicitationSetting;
  return {
    name: s.Name,
    ...(s.Description !== undefined ? { description: s.Description } : {}),
    slotTypeName: s.SlotTypeName,
    valueElicitationSetting: {
      slotConstraint: elicitation.SlotConstraint,
      promptSpecification: prompt(elicitation.PromptSpecification),
      ...utterances(elicitation.SampleUtterances),
    },
  };
}

function intent(i: LexIntent): CfnBot.IntentProperty {
  const confirmation = i.IntentConfirmationSetting;
  return {
    name: i.Name,
    ...(i.Description !== undefined ? { description: i.Description } : {}),
    ...(i.ParentIntentSignature ? { parentIntentSignature: i.ParentIntentSignature } : {}),
    ...utterances(i.SampleUtterances),
    ...(i.DialogCodeHook ? { dialogCodeHook: { enabled: i.DialogCodeHook.Enabled } } : {}),
    ...(i.FulfillmentCodeHook ? { fulfillmentCodeHook: { enabled: i.FulfillmentCodeHook.Enabled } } : {}),
    ...(confirmation
      ? {
          intentConfirmationSetting: {
            promptSpecification: prompt(confirmation.PromptSpecification),
            declinationResponse: response(confirmation.DeclinationResponse),
            ...(confirmation.IsActive !== undefined ? { isActive: confirmation.IsActive } : {}),
          },
        }
      : {}),
    ...(i.Slots ? { slots: i.Slots.map(slot) } : {}),
    ...(i.SlotPriorities
      ? { slotPriorities: i.SlotPriorities.map((p) => ({ priority: p.Priority, slotName: p.SlotName })) }
      : {}),
  };
}
