/**
 * Lex V2 code-hook wire shapes (https://docs.aws.amazon.com/lexv2/latest/dg/lambda-input-format.html,
 * .../lambda-response-format.html). Only the router and the local Lex runtime touch these.
 * The schema is lenient (unknown fields pass, as AWS asks) but insists on what the router needs.
 * `nluConfidence` arrives as a number in Lambda events and as `{ score }` in RecognizeText output;
 * both are accepted and normalised to a number.
 */
import type { LexV2Intent, LexV2IntentState, LexV2Message, LexV2Result } from 'aws-lambda';
import * as z from 'zod';

const slotValueSchema = z.looseObject({
  originalValue: z.string().optional(),
  interpretedValue: z.string().optional(),
  resolvedValues: z.array(z.string()).optional(),
});

export const lexSlotSchema = z.looseObject({
  shape: z.enum(['Scalar', 'List', 'Composite']).optional(),
  value: slotValueSchema.optional(),
  values: z.array(z.looseObject({ value: slotValueSchema.optional() })).optional(),
});

const intentSchema = z.looseObject({
  name: z.string().min(1),
  slots: z.record(z.string(), lexSlotSchema.nullable()).optional().default({}),
  state: z.string().optional(),
  confirmationState: z.enum(['Confirmed', 'Denied', 'None']).optional().default('None'),
});

const nluConfidenceSchema = z
  .union([z.number(), z.looseObject({ score: z.number() })])
  .optional()
  .transform((v) => (typeof v === 'number' ? v : v?.score));

export const lexCodeHookEventSchema = z.looseObject({
  messageVersion: z.string().optional(),
  invocationSource: z.enum(['DialogCodeHook', 'FulfillmentCodeHook']),
  inputMode: z.string().optional(),
  responseContentType: z.string().optional(),
  sessionId: z.string().min(1),
  inputTranscript: z.string().optional().default(''),
  bot: z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    aliasId: z.string().optional(),
    localeId: z.string(),
    version: z.string().optional(),
  }),
  interpretations: z
    .array(z.looseObject({ intent: intentSchema, nluConfidence: nluConfidenceSchema }))
    .optional()
    .default([]),
  proposedNextState: z.unknown().optional(),
  requestAttributes: z.record(z.string(), z.string()).nullable().optional(),
  sessionState: z.looseObject({
    sessionAttributes: z.record(z.string(), z.string()).nullable().optional(),
    activeContexts: z.array(z.unknown()).optional(),
    intent: intentSchema,
    originatingRequestId: z.string().optional(),
  }),
});

/** A parsed, normalised code-hook event. */
export type LexCodeHookEvent = z.output<typeof lexCodeHookEventSchema>;
export type LexSlot = z.output<typeof lexSlotSchema>;

/**
 * What a code hook returns to Lex: `@types/aws-lambda`'s `LexV2Result`, with the intent's
 * `confirmationState` (Lex accepts it; the community type omits it) and our parsed slot shape.
 */
export interface LexCodeHookResponse {
  sessionState: Omit<LexV2Result['sessionState'], 'intent'> & {
    intent?: {
      name: string;
      slots?: Record<string, LexSlot | null>;
      state: LexV2IntentState;
      confirmationState?: LexV2Intent['confirmationState'];
    };
  };
  messages?: LexV2Message[];
}

/** The code hook as a function: what Lambda runs and what the local Lex runtime calls in-process. */
export type LexCodeHook = (event: unknown) => Promise<LexCodeHookResponse>;

/** The value of a scalar slot: the resolved/interpreted value when Lex gives one. */
export function slotValue(slot: LexSlot | null | undefined): string | undefined {
  const v = slot?.value;
  const value = v?.interpretedValue ?? v?.resolvedValues?.[0] ?? v?.originalValue;
  return value?.trim() ? value.trim() : undefined;
}

/** A scalar slot carrying `value` (original kept when given). */
export function scalarSlot(value: string, originalValue = value): LexSlot {
  return { shape: 'Scalar', value: { originalValue, interpretedValue: value, resolvedValues: [value] } };
}
