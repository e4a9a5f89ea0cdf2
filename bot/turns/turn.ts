/**
 * A turn: one unit of work the Slack side does after acknowledging Slack (DESIGN §2 Turn flow).
 * Listeners build turns from verified payloads; the turn runner does them, in-process (HTTP, Socket
 * Mode) or in the worker Lambda after a trip through SQS. A turn is therefore plain JSON, and the
 * worker re-validates it with {@link parseTurn} before trusting it.
 */
import * as z from 'zod';
import { ChatOpsError } from '../../handlers/errors';

/** The message a button sat in, so the runner can update it and it cannot be clicked twice. */
export interface ClickedMessage {
  channelId: string;
  messageTs: string;
  /** Ephemeral messages can only be replaced through the interaction's `response_url`. */
  isEphemeral: boolean;
  /** What to show instead of the buttons, e.g. `Alice chose *Sandbox*`. */
  outcome: string;
  /** The message's blocks without the clicked actions block (empty when Slack did not send them). */
  keptBlocks: unknown[];
  text: string;
}

interface TurnBase {
  /** Slack event id, action key or slash-command trigger id: the de-dup key and Lex's `turnId`. */
  id: string;
  teamId: string;
  /** Enterprise Grid organisation of the signed payload (Bolt's `context.enterpriseId`); absent outside Grid. */
  enterpriseId?: string;
  userId: string;
  channelId: string;
  /** ISO time the ingress received it. */
  receivedAt: string;
  /** Where ephemeral answers go for slash commands and interactions (valid 30 minutes). */
  responseUrl?: string;
}

/** Something the user said (or clicked) that goes to Lex. */
export interface UtteranceTurn extends TurnBase {
  kind: 'utterance';
  source: 'message' | 'app_mention' | 'slash_command' | 'block_actions';
  text: string;
  /** Thread that scopes the Lex session (absent for a top-level DM conversation). */
  sessionThreadTs?: string;
  /** Thread the reply goes to (absent: top level). */
  replyThreadTs?: string;
  /** Slash commands continue the conversation in the user's DM with the bot. */
  replyInDm?: boolean;
  clicked?: ClickedMessage;
}

/** `/chatops status <id>` and `/chatops mine`: answered from the ledger, ephemerally. */
export interface CommandTurn extends TurnBase {
  kind: 'command';
  command: 'status' | 'mine';
  argument: string;
}

/** The App Home tab was opened: publish "my requests". */
export interface HomeTurn extends TurnBase {
  kind: 'home';
}

/** An Approve / Reject button was clicked. */
export interface ApprovalTurn extends TurnBase {
  kind: 'approval';
  decision: 'approve' | 'reject';
  requestId: string;
  /** A reject's reason from the modal (at most 500 characters). */
  comment?: string;
  clicked: ClickedMessage;
}

export type Turn = UtteranceTurn | CommandTurn | HomeTurn | ApprovalTurn;

const clickedSchema = z.object({
  channelId: z.string().min(1),
  messageTs: z.string().min(1),
  isEphemeral: z.boolean(),
  outcome: z.string(),
  keptBlocks: z.array(z.unknown()),
  text: z.string(),
});

const base = {
  id: z.string().min(1).max(200),
  teamId: z.string().regex(/^[TE][A-Z0-9]+$/),
  enterpriseId: z
    .string()
    .regex(/^E[A-Z0-9]+$/)
    .optional(),
  userId: z.string().regex(/^[UW][A-Z0-9]+$/),
  channelId: z.string().regex(/^[CDG][A-Z0-9]+$/),
  receivedAt: z.string(),
  responseUrl: z.url().optional(),
};

const turnSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('utterance'),
    source: z.enum(['message', 'app_mention', 'slash_command', 'block_actions']),
    text: z.string(),
    sessionThreadTs: z.string().optional(),
    replyThreadTs: z.string().optional(),
    replyInDm: z.boolean().optional(),
    clicked: clickedSchema.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('command'),
    command: z.enum(['status', 'mine']),
    argument: z.string(),
  }),
  z.object({ ...base, kind: z.literal('home') }),
  z.object({
    ...base,
    kind: z.literal('approval'),
    decision: z.enum(['approve', 'reject']),
    requestId: z.string().min(1),
    comment: z.string().max(500).optional(),
    clicked: clickedSchema,
  }),
]);

/** A queued turn failed validation (never retried: it would fail again). */
export class InvalidTurnError extends ChatOpsError {
  constructor(problem: string) {
    super('INVALID_TURN', `The queued turn is not valid: ${problem}`, { problem });
  }
}

/** JSON for the queue. */
export function serializeTurn(turn: Turn): string {
  return JSON.stringify(turn);
}

/**
 * The turn in a queue message body.
 * @throws InvalidTurnError when the body is not JSON or not a turn.
 */
export function parseTurn(body: string): Turn {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new InvalidTurnError('not JSON');
  }
  const parsed = turnSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidTurnError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data as Turn;
}
