/**
 * Compiles a Lex bot-locale definition (CloudFormation `BotLocales` item, the object the CDK stack
 * deploys) into the lookup structures the local runtime works with. Nothing here reads the catalog:
 * the locale object is the only input, so the local bot and the deployed bot cannot drift apart.
 */

import type { LexBotLocale, LexIntent, LexSlot, PromptSpecification } from '../../intents/lex-bot-locale';
import { ChatOpsError } from '../../kernel/errors';

/** How a slot's value is recognised: one of the built-ins the catalog uses, or a custom type. */
export type SlotKind =
  | 'email'
  | 'alphanumeric'
  | 'number'
  | 'firstName'
  | 'lastName'
  | 'freeForm'
  | 'enum'
  | 'open';

const BUILT_IN_KINDS: Record<string, SlotKind> = {
  'AMAZON.EmailAddress': 'email',
  'AMAZON.AlphaNumeric': 'alphanumeric',
  'AMAZON.Number': 'number',
  'AMAZON.FirstName': 'firstName',
  'AMAZON.LastName': 'lastName',
  'AMAZON.FreeFormInput': 'freeForm',
};

export interface SlotTypeModel {
  name: string;
  kind: SlotKind;
  /** Canonical values with their synonyms (custom types only). */
  values: readonly { value: string; synonyms: readonly string[] }[];
}

export interface SlotModel {
  name: string;
  type: SlotTypeModel;
  required: boolean;
  /** Prompt texts in `Ordered` selection order: the first one, then one per retry. */
  prompts: readonly string[];
  maxRetries: number;
  sampleUtterances: readonly string[];
}

export interface ConfirmationModel {
  prompts: readonly string[];
  maxRetries: number;
  declination: readonly string[];
}

export interface IntentModel {
  name: string;
  isFallback: boolean;
  utterances: readonly string[];
  /** In `SlotPriorities` order. */
  slots: readonly SlotModel[];
  dialogHook: boolean;
  fulfillmentHook: boolean;
  confirmation?: ConfirmationModel;
}

export interface BotModel {
  localeId: string;
  nluConfidenceThreshold: number;
  intents: readonly IntentModel[];
  fallback: IntentModel;
  intent(name: string): IntentModel | undefined;
}

/** The bot-locale definition cannot be served (e.g. a slot names a type that does not exist). */
export class LocalLexConfigError extends ChatOpsError {
  constructor(problem: string) {
    super('LOCAL_LEX_CONFIG', `Local Lex runtime: ${problem}`, { problem });
  }
}

/** Builds the runtime model of one bot locale. Throws {@link LocalLexConfigError} on inconsistencies. */
export function compileBotModel(locale: LexBotLocale): BotModel {
  const types = new Map<string, SlotTypeModel>();
  for (const t of locale.SlotTypes) {
    const values = t.SlotTypeValues.map((v) => ({
      value: v.SampleValue.Value,
      synonyms: (v.Synonyms ?? []).map((s) => s.Value),
    }));
    const kind = t.ValueSelectionSetting.ResolutionStrategy === 'TOP_RESOLUTION' ? 'enum' : 'open';
    types.set(t.Name, { name: t.Name, kind, values });
  }
  const intents = locale.Intents.map((i) => compileIntent(i, types));
  const byName = new Map(intents.map((i) => [i.name, i]));
  const fallback = intents.find((i) => i.isFallback);
  if (!fallback) throw new LocalLexConfigError('the locale has no intent with parent AMAZON.FallbackIntent');
  return {
    localeId: locale.LocaleId,
    nluConfidenceThreshold: locale.NluConfidenceThreshold,
    intents,
    fallback,
    intent: (name) => byName.get(name),
  };
}

function compileIntent(intent: LexIntent, types: ReadonlyMap<string, SlotTypeModel>): IntentModel {
  const order = new Map((intent.SlotPriorities ?? []).map((p) => [p.SlotName, p.Priority]));
  const slots = (intent.Slots ?? [])
    .map((s) => compileSlot(intent.Name, s, types))
    .sort((a, b) => (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9));
  const confirmation = intent.IntentConfirmationSetting;
  return {
    name: intent.Name,
    isFallback: intent.ParentIntentSignature === 'AMAZON.FallbackIntent',
    utterances: (intent.SampleUtterances ?? []).map((u) => u.Utterance),
    slots,
    dialogHook: intent.DialogCodeHook?.Enabled === true,
    fulfillmentHook: intent.FulfillmentCodeHook?.Enabled === true,
    ...(confirmation && confirmation.IsActive !== false
      ? {
          confirmation: {
            prompts: promptTexts(confirmation.PromptSpecification),
            maxRetries: confirmation.PromptSpecification.MaxRetries,
            declination: confirmation.DeclinationResponse.MessageGroupsList.map(
              (g) => g.Message.PlainTextMessage.Value,
            ),
          },
        }
      : {}),
  };
}

function compileSlot(
  intentName: string,
  slot: LexSlot,
  types: ReadonlyMap<string, SlotTypeModel>,
): SlotModel {
  const builtIn = BUILT_IN_KINDS[slot.SlotTypeName];
  const type = builtIn
    ? { name: slot.SlotTypeName, kind: builtIn, values: [] }
    : types.get(slot.SlotTypeName);
  if (!type) {
    throw new LocalLexConfigError(
      `slot ${intentName}.${slot.Name} has type "${slot.SlotTypeName}", which is neither built in nor defined`,
    );
  }
  const setting = slot.ValueElicitationSetting;
  return {
    name: slot.Name,
    type,
    required: setting.SlotConstraint === 'Required',
    prompts: promptTexts(setting.PromptSpecification),
    maxRetries: setting.PromptSpecification.MaxRetries,
    sampleUtterances: (setting.SampleUtterances ?? []).map((u) => u.Utterance),
  };
}

function promptTexts(spec: PromptSpecification): string[] {
  return spec.MessageGroupsList.map((g) => g.Message.PlainTextMessage.Value);
}
