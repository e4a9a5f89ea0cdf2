/**
 * Catalog → Lex V2 bot locale, in CloudFormation's `BotLocales` shape. The one function both the CDK
 * bot and the local Lex runtime are built from: nothing lists utterances twice.
 */
import type { IntentSpec, SlotSpec, SlotTypeSpec } from './define-intent';
import type {
  LexBotLocale,
  LexIntent,
  LexSlot,
  LexSlotType,
  PlainTextMessageGroup,
  PromptSpecification,
} from './lex-bot-locale';
import type { IntentRegistry } from './registry';

export interface BotLocaleOptions {
  localeId?: string;
  /** Below this intent confidence, Lex picks the fallback intent. Lex's default is 0.40. */
  nluConfidenceThreshold?: number;
}

export const DEFAULT_LOCALE_ID = 'en_US';
export const DEFAULT_NLU_CONFIDENCE_THRESHOLD = 0.4;
const DEFAULT_MAX_RETRIES = 2;

/** Builds the `BotLocales` item for the catalog. Pure: same catalog, same output. */
export function toBotLocale(registry: IntentRegistry, options: BotLocaleOptions = {}): LexBotLocale {
  return {
    LocaleId: options.localeId ?? DEFAULT_LOCALE_ID,
    Description: 'ChatOps intents, generated from the intent catalog.',
    NluConfidenceThreshold: options.nluConfidenceThreshold ?? DEFAULT_NLU_CONFIDENCE_THRESHOLD,
    SlotTypes: registry.customSlotTypes().map(toSlotType),
    Intents: registry.list().map(toIntent),
  };
}

function message(text: string): PlainTextMessageGroup {
  return { Message: { PlainTextMessage: { Value: text } } };
}

function toSlotType(type: SlotTypeSpec): LexSlotType {
  return {
    Name: type.name,
    Description: type.description,
    SlotTypeValues: type.values.map((v) => ({
      SampleValue: { Value: v.value },
      ...(v.synonyms?.length ? { Synonyms: v.synonyms.map((s) => ({ Value: s })) } : {}),
    })),
    ValueSelectionSetting: {
      ResolutionStrategy: type.resolution === 'TopResolution' ? 'TOP_RESOLUTION' : 'ORIGINAL_VALUE',
    },
  };
}

function toSlot(slot: SlotSpec): LexSlot {
  const prompt: PromptSpecification = {
    MessageGroupsList: [message(slot.prompt), message(slot.retryPrompt)],
    MaxRetries: slot.maxRetries ?? DEFAULT_MAX_RETRIES,
    AllowInterrupt: true,
    MessageSelectionStrategy: 'Ordered',
  };
  return {
    Name: slot.name,
    Description: slot.description,
    SlotTypeName: slot.type,
    ValueElicitationSetting: {
      SlotConstraint: slot.required ? 'Required' : 'Optional',
      PromptSpecification: prompt,
      ...(slot.sampleUtterances?.length
        ? { SampleUtterances: slot.sampleUtterances.map((u) => ({ Utterance: u })) }
        : {}),
    },
  };
}

function toIntent(spec: Readonly<IntentSpec>): LexIntent {
  if (spec.parentIntent) {
    // The fallback intent keeps a fulfillment hook so the router can answer with a helpful message.
    return {
      Name: spec.id,
      Description: spec.description,
      ParentIntentSignature: spec.parentIntent,
      FulfillmentCodeHook: { Enabled: true },
    };
  }
  const intent: LexIntent = {
    Name: spec.id,
    Description: spec.description,
    SampleUtterances: spec.utterances.map((u) => ({ Utterance: u })),
    DialogCodeHook: { Enabled: spec.dialogHook },
    FulfillmentCodeHook: { Enabled: true },
  };
  if (spec.slots.length > 0) {
    intent.Slots = spec.slots.map(toSlot);
    intent.SlotPriorities = [...spec.slots]
      .sort((a, b) => a.priority - b.priority)
      .map((s, i) => ({ Priority: i + 1, SlotName: s.name }));
  }
  if (spec.confirmation) {
    intent.IntentConfirmationSetting = {
      PromptSpecification: {
        MessageGroupsList: [message(spec.confirmation.prompt)],
        MaxRetries: DEFAULT_MAX_RETRIES,
        AllowInterrupt: true,
      },
      DeclinationResponse: { MessageGroupsList: [message(spec.confirmation.declined)], AllowInterrupt: true },
      IsActive: true,
    };
  }
  return intent;
}
