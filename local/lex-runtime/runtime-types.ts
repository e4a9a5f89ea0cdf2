/**
 * Lex V2 runtime wire shapes (camelCase, as in the RecognizeText / GetSession / PutSession API
 * reference: https://docs.aws.amazon.com/lexv2/latest/APIReference/API_runtime_SessionState.html).
 * The local runtime stores and returns exactly these objects; only `http/` serialises them.
 * The enumerations are the SDK's own (`@aws-sdk/client-lex-runtime-v2`); these interfaces are the
 * SDK's shapes with the fields the runtime always sets made required.
 */
import type {
  ConfirmationState,
  DialogActionType,
  IntentState,
  MessageContentType,
} from '@aws-sdk/client-lex-runtime-v2';

export type { ConfirmationState, DialogActionType, IntentState };

export interface WireSlotValue {
  originalValue?: string;
  interpretedValue?: string;
  resolvedValues?: string[];
}

export interface WireSlot {
  shape?: 'Scalar' | 'List' | 'Composite';
  value?: WireSlotValue;
  values?: WireSlot[];
}

export type WireSlots = Record<string, WireSlot | null>;

export interface WireIntent {
  name: string;
  slots?: WireSlots;
  state?: IntentState;
  confirmationState?: ConfirmationState;
}

export interface WireDialogAction {
  type: DialogActionType;
  slotToElicit?: string;
}

export interface WireSessionState {
  dialogAction?: WireDialogAction;
  intent?: WireIntent;
  activeContexts?: unknown[];
  sessionAttributes?: Record<string, string>;
  originatingRequestId?: string;
}

export interface WireMessage {
  contentType: MessageContentType;
  content?: string;
  imageResponseCard?: unknown;
}

export interface WireInterpretation {
  intent: WireIntent;
  /** Absent for the fallback intent, as in Lex. */
  nluConfidence?: { score: number };
  interpretationSource: 'Lex';
}

/** One RecognizeText turn's answer (the JSON body of the HTTP response). */
export interface RecognizeTextResult {
  sessionId: string;
  messages?: WireMessage[];
  sessionState: WireSessionState;
  interpretations: WireInterpretation[];
  requestAttributes?: Record<string, string>;
}
