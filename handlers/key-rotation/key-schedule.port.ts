/**
 * The key-retirement schedule (DESIGN §2 "Key rotation", §3): after a rotation, the old key's
 * deactivation and deletion dates are items of the ledger table (`KEYRET#<request id>` / `META`,
 * with audit events `KEYRET#<id>` / `EVT#<iso>#<seq>`), moved by the sweeper through
 * `SCHEDULED → DEACTIVATED → DELETED` (or postponed, staying `SCHEDULED`). Every change is
 * conditional on the item's version and writes its audit event in the same transaction.
 * Adapters: ./dynamo-key-schedule.ts; twin: ./memory-key-schedule.ts. Never holds a secret.
 */

export type RetirementState = 'SCHEDULED' | 'DEACTIVATED' | 'DELETED';
export type RetirementAction = 'SCHEDULED' | 'POSTPONED' | 'DEACTIVATED' | 'DELETED';

/** The old key of one rotation request, on its way out. */
export interface KeyRetirement {
  /** The rotation request's id. */
  id: string;
  userName: string;
  /** The old key (an id, not a secret). */
  accessKeyId: string;
  /** Who asked for the rotation (DMs about the old key go to them). */
  ownerSlackUserId: string;
  /** The secret that holds the new key (named in DMs). */
  secretName: string;
  state: RetirementState;
  deactivateAt: string;
  deleteAt: string;
  postponements: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type NewRetirement = Pick<
  KeyRetirement,
  'id' | 'userName' | 'accessKeyId' | 'ownerSlackUserId' | 'secretName' | 'deactivateAt' | 'deleteAt'
>;

/** The audit event of one schedule change (immutable). */
export interface RetirementEvent {
  id: string;
  at: string;
  seq: number;
  actor: string;
  action: RetirementAction;
  fromState?: RetirementState;
  toState: RetirementState;
  details?: Record<string, string>;
}

/** What a sweeper step changes on the item. */
export type RetirementChange = Partial<
  Pick<KeyRetirement, 'state' | 'deactivateAt' | 'deleteAt' | 'postponements'>
>;

export interface KeySchedule {
  /** Creates the item in `SCHEDULED` with its audit event; a second call for the same id returns the first. */
  schedule(input: NewRetirement, actor: string, at: string): Promise<KeyRetirement>;
  get(id: string): Promise<KeyRetirement | undefined>;
  /** Every item not yet `DELETED`, soonest deactivation first. */
  listOpen(): Promise<KeyRetirement[]>;
  /**
   * Applies `change` if the item is still at `current.version`, with one audit event.
   * @throws KeyScheduleConflictError when it changed in between (nothing written)
   */
  update(
    current: KeyRetirement,
    change: RetirementChange,
    event: { actor: string; action: RetirementAction; at: string; details?: Record<string, string> },
  ): Promise<KeyRetirement>;
  history(id: string): Promise<RetirementEvent[]>;
}

/** The item and event a schedule change produces (pure; both adapters use it so they agree). */
export function applyRetirementChange(
  current: KeyRetirement,
  change: RetirementChange,
  event: { actor: string; action: RetirementAction; at: string; details?: Record<string, string> },
): { next: KeyRetirement; audit: RetirementEvent } {
  const next: KeyRetirement = { ...current, ...change, version: current.version + 1, updatedAt: event.at };
  const audit: RetirementEvent = {
    id: current.id,
    at: event.at,
    seq: next.version,
    actor: event.actor,
    action: event.action,
    fromState: current.state,
    toState: next.state,
    ...(event.details ? { details: { ...event.details } } : {}),
  };
  return { next, audit };
}

/** A new item and its `SCHEDULED` event. */
export function initialRetirement(
  input: NewRetirement,
  actor: string,
  at: string,
): { item: KeyRetirement; audit: RetirementEvent } {
  const item: KeyRetirement = {
    ...input,
    state: 'SCHEDULED',
    postponements: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const audit: RetirementEvent = {
    id: input.id,
    at,
    seq: 1,
    actor,
    action: 'SCHEDULED',
    toState: 'SCHEDULED',
    details: { deactivateAt: input.deactivateAt, deleteAt: input.deleteAt },
  };
  return { item, audit };
}
