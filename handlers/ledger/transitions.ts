/**
 * The explicit table of allowed status transitions. Anything not listed is refused with
 * {@link IllegalTransitionError}; terminal statuses have no way out.
 */
import { ChatOpsError } from '../errors';
import type {
  AmendDetails,
  AuditEvent,
  ChatOpsRequest,
  InitialStep,
  RequestStatus,
  TransitionDetails,
} from './request';

export const ALLOWED_TRANSITIONS: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  RECEIVED: ['PENDING_APPROVAL', 'APPROVED', 'IN_PROGRESS', 'FAILED', 'CANCELLED'],
  PENDING_APPROVAL: ['APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'],
  APPROVED: ['QUEUED', 'IN_PROGRESS', 'FAILED', 'CANCELLED'],
  QUEUED: ['IN_PROGRESS', 'FAILED', 'CANCELLED'],
  IN_PROGRESS: ['SUCCEEDED', 'FAILED'],
  REJECTED: [],
  EXPIRED: [],
  SUCCEEDED: [],
  FAILED: [],
  CANCELLED: [],
};

export const TERMINAL_STATUSES: readonly RequestStatus[] = (
  Object.keys(ALLOWED_TRANSITIONS) as RequestStatus[]
).filter((s) => ALLOWED_TRANSITIONS[s].length === 0);

export function isAllowedTransition(from: RequestStatus, to: RequestStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** The transition is not in {@link ALLOWED_TRANSITIONS}. */
export class IllegalTransitionError extends ChatOpsError {
  constructor(requestId: string, from: RequestStatus, to: RequestStatus) {
    super('ILLEGAL_TRANSITION', `Request ${requestId} cannot go from ${from} to ${to}.`, {
      requestId,
      from,
      to,
    });
  }
}

/**
 * The request was not in the expected status/version when the conditional write ran: someone else
 * transitioned it first (e.g. another approver won the race). `actual` is the status found.
 */
export class TransitionConflictError extends ChatOpsError {
  constructor(requestId: string, expected: RequestStatus, actual: RequestStatus | undefined) {
    super(
      'TRANSITION_CONFLICT',
      `Request ${requestId} is no longer ${expected}${actual ? ` (it is ${actual})` : ''}.`,
      { requestId, expected, actual },
    );
  }
}

/**
 * Another live request already holds one of the unique values this one would claim (e.g. an open
 * request creating an account of the same name). Nothing was written.
 */
export class UniqueKeyTakenError extends ChatOpsError {
  constructor(
    readonly key: string,
    readonly holderId: string | undefined,
  ) {
    super(
      'UNIQUE_KEY_TAKEN',
      `${key} is already held${holderId ? ` by request ${holderId}` : ''}.`,
      holderId ? { key, holderId } : { key },
    );
  }
}

/** No request with this id. */
export class RequestNotFoundError extends ChatOpsError {
  constructor(requestId: string) {
    super('REQUEST_NOT_FOUND', `Request ${requestId} was not found.`, { requestId });
  }
}

/**
 * The request after moving to `to` at `at` (pure; both ledger adapters use it so they agree):
 * version + 1, `updatedAt`, `approver` and `externalIds` merged in when given, `reason` replaced
 * (it describes the latest transition, so it is dropped when the new one gives none).
 */
export function applyTransition(
  current: ChatOpsRequest,
  to: RequestStatus,
  at: string,
  details: TransitionDetails = {},
): ChatOpsRequest {
  const { reason: _previousReason, ...rest } = current;
  const next: ChatOpsRequest = { ...rest, status: to, version: current.version + 1, updatedAt: at };
  if (details.approver !== undefined) next.approver = details.approver;
  if (details.reason !== undefined) next.reason = details.reason;
  if (details.externalIds !== undefined) {
    next.externalIds = { ...current.externalIds, ...details.externalIds };
  }
  if (details.approval !== undefined) next.approval = details.approval;
  return next;
}

/**
 * The request after a status-preserving {@link AmendDetails} change at `at` (pure): version + 1,
 * approval replaced and external ids merged when given; `reason` kept.
 */
export function applyAmend(current: ChatOpsRequest, at: string, details: AmendDetails): ChatOpsRequest {
  const next: ChatOpsRequest = { ...current, version: current.version + 1, updatedAt: at };
  if (details.approval !== undefined) next.approval = details.approval;
  if (details.externalIds !== undefined)
    next.externalIds = { ...current.externalIds, ...details.externalIds };
  return next;
}

/** The audit event of an amend: same status before and after, the change's facts as details. */
export function amendEvent(
  current: ChatOpsRequest,
  next: ChatOpsRequest,
  actor: string,
  details: AmendDetails,
): AuditEvent {
  const flat: Record<string, string> = { ...details.facts };
  for (const [k, v] of Object.entries(details.externalIds ?? {})) flat[`externalIds.${k}`] = v;
  return {
    requestId: next.id,
    at: next.updatedAt,
    seq: next.version,
    actor,
    action: details.event,
    fromStatus: current.status,
    toStatus: next.status,
    ...(Object.keys(flat).length > 0 ? { details: flat } : {}),
  };
}

/** @throws TransitionConflictError when `expectedVersion` is given and `current` is past it. */
export function checkVersion(current: ChatOpsRequest, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && current.version !== expectedVersion) {
    throw new TransitionConflictError(current.id, current.status, current.status);
  }
}

/**
 * The request `transition(id, from, …)` may move, as read by an adapter: it exists, is still in
 * `from` and, when the caller names one, at `expectedVersion` (both adapters share these checks).
 * @throws RequestNotFoundError / TransitionConflictError
 */
export function transitionable(
  id: string,
  from: RequestStatus,
  current: ChatOpsRequest | undefined,
  expectedVersion: number | undefined,
): ChatOpsRequest {
  if (!current) throw new RequestNotFoundError(id);
  if (current.status !== from) throw new TransitionConflictError(id, from, current.status);
  checkVersion(current, expectedVersion);
  return current;
}

/** The audit event for `current → next`; `seq` is the new version, so each step has one slot. */
export function transitionEvent(
  current: ChatOpsRequest,
  next: ChatOpsRequest,
  actor: string,
  details: TransitionDetails = {},
): AuditEvent {
  const flat: Record<string, string> = {};
  if (details.approver !== undefined) flat.approver = details.approver;
  if (details.reason !== undefined) flat.reason = details.reason;
  for (const [k, v] of Object.entries(details.externalIds ?? {})) flat[`externalIds.${k}`] = v;
  return {
    requestId: next.id,
    at: next.updatedAt,
    seq: next.version,
    actor,
    action: 'TRANSITION',
    fromStatus: current.status,
    toStatus: next.status,
    ...(Object.keys(flat).length > 0 ? { details: flat } : {}),
  };
}

/** A request as created along a path: its final state and every audit event, oldest first. */
export interface PlannedRequest {
  request: ChatOpsRequest;
  events: AuditEvent[];
}

/**
 * Walks a freshly created request (`RECEIVED`, with its CREATED event) along `path`, all at the
 * same instant (pure; both adapters store the result in one write).
 * @throws IllegalTransitionError when a step is not in {@link ALLOWED_TRANSITIONS} (nothing written)
 */
export function planCreate(
  created: ChatOpsRequest,
  createdAuditEvent: AuditEvent,
  path: readonly InitialStep[],
): PlannedRequest {
  let request = created;
  const events = [createdAuditEvent];
  for (const step of path) {
    if (!isAllowedTransition(request.status, step.to)) {
      throw new IllegalTransitionError(request.id, request.status, step.to);
    }
    const next = applyTransition(request, step.to, request.updatedAt, step.details);
    events.push(transitionEvent(request, next, step.actor, step.details));
    request = next;
  }
  return { request, events };
}

/** True when `status` has no way out (the request and its items then get the retention expiry). */
export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
