/**
 * The request model tracked by the ledger (DESIGN §3). Parameters never hold secrets.
 */
export const REQUEST_STATUSES = [
  'RECEIVED',
  'PENDING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'EXPIRED',
  'QUEUED',
  'IN_PROGRESS',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Where the request came from in Slack, so outcomes can be posted back to the original thread. */
export interface SlackOrigin {
  teamId: string;
  channelId: string;
  threadTs?: string;
}

/** The verified identity of whoever filed the request (always the verified Slack user). */
export interface Requester {
  slackUserId: string;
  teamId: string;
  name?: string;
  email?: string;
}

export interface ChatOpsRequest {
  id: string;
  intent: string;
  /** Slot values as resolved by Lex and validated by the dialog hook. Never secrets. */
  parameters: Record<string, string>;
  requester: Requester;
  origin: SlackOrigin;
  status: RequestStatus;
  /** Incremented by every transition; transitions are conditional on it. */
  version: number;
  createdAt: string;
  updatedAt: string;
  idempotencyKey: string;
  /** Who decided (approved/rejected), when a decision was made. */
  approver?: string;
  /** External ids collected on the way (e.g. `recordId`, `accountId`, `secretName`). */
  externalIds?: Record<string, string>;
  /** Short, safe reason for the latest transition (e.g. a rejection reason or failure code). */
  reason?: string;
  /** The approval in progress or decided: set when the request enters `PENDING_APPROVAL`. */
  approval?: ApprovalState;
  /** The unique values this request claimed at creation (released when it ends). */
  uniqueKeys?: string[];
}

/** One approval counted towards the quorum, with the parameter digest the approver saw. */
export interface ApprovalVoteRecord {
  /** Canonical approver id: their email when config knows it, else `slack:<user id>`. */
  approver: string;
  /** How the approver is shown (verified id and email; never a display name alone). */
  label: string;
  at: string;
  via: 'link' | 'slack';
  digest: string;
}

/**
 * What was put up for approval, frozen when the request enters `PENDING_APPROVAL`: the digest of
 * intent + parameters + requester (./approvals/parameter-digest.ts), the quorum, the deadline, the
 * capability's plan, and the approvals counted so far (each its own audited ledger write).
 */
export interface ApprovalState {
  digest: string;
  quorum: number;
  expiresAt: string;
  plan: string[];
  risk: 'low' | 'medium' | 'high';
  votes: ApprovalVoteRecord[];
}

/** Immutable audit event written in the same transaction as each transition. */
export interface AuditEvent {
  requestId: string;
  at: string;
  seq: number;
  actor: string;
  /** `APPROVAL_VOTE`: one approval counted under a quorum; `NOTE`: ids recorded (no status change). */
  action: 'CREATED' | 'TRANSITION' | 'APPROVAL_VOTE' | 'NOTE';
  fromStatus?: RequestStatus;
  toStatus: RequestStatus;
  details?: Record<string, string>;
}

export interface NewRequest {
  intent: string;
  parameters: Record<string, string>;
  requester: Requester;
  origin: SlackOrigin;
  /** Same key → same request (create is idempotent on it). */
  idempotencyKey: string;
  /**
   * Values no other live request may hold at the same time (e.g. `VendAccount:AccountName:data-lab`):
   * claimed atomically with the create, released when the request ends. A clash is
   * {@link UniqueKeyTakenError}; see {@link Ledger.uniqueHolder} for the look-up.
   */
  uniqueKeys?: readonly string[];
}

export interface TransitionDetails {
  approver?: string;
  reason?: string;
  externalIds?: Record<string, string>;
  /** Replaces the request's approval state (set on `PENDING_APPROVAL`, final vote on `APPROVED`). */
  approval?: ApprovalState;
  /** Refuse (TransitionConflictError) unless the request is still at this version. */
  expectedVersion?: number;
}

/** A status-preserving change ({@link Ledger.amend}): one approval vote, or ids to remember. */
export interface AmendDetails {
  event: 'APPROVAL_VOTE' | 'NOTE';
  approval?: ApprovalState;
  externalIds?: Record<string, string>;
  /** Flat facts for the audit event (e.g. `approver`). */
  facts?: Record<string, string>;
}

/**
 * One step of the path a request is created along (create-in-state): the request is stored after
 * the last step, with the CREATED event and one TRANSITION event per step, in one write.
 */
export interface InitialStep {
  to: RequestStatus;
  actor: string;
  details?: TransitionDetails;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, absent on the last page. */
  cursor?: string;
}

/** Version of a freshly created request; every transition adds one. The audit `seq` equals it. */
export const INITIAL_VERSION = 1;

/** The request `create` stores: `RECEIVED`, version 1, created and updated `at`. */
export function initialRequest(input: NewRequest, id: string, at: string): ChatOpsRequest {
  return {
    id,
    intent: input.intent,
    parameters: { ...input.parameters },
    requester: { ...input.requester },
    origin: { ...input.origin },
    status: 'RECEIVED',
    version: INITIAL_VERSION,
    createdAt: at,
    updatedAt: at,
    idempotencyKey: input.idempotencyKey,
    ...(input.uniqueKeys?.length ? { uniqueKeys: [...input.uniqueKeys] } : {}),
  };
}

/** The `CREATED` audit event written with a new request; the actor is the verified requester. */
export function createdEvent(request: ChatOpsRequest): AuditEvent {
  return {
    requestId: request.id,
    at: request.createdAt,
    seq: request.version,
    actor: request.requester.slackUserId,
    action: 'CREATED',
    toStatus: request.status,
    details: { intent: request.intent },
  };
}
