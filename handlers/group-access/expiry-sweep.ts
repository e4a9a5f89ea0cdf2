/**
 * Removal when the time is up (JoinIdentityCenterGroup): one sweep over the `SUCCEEDED` requests
 * of the intent whose `externalIds.expiresAt` has passed and that have no `removedAt` yet:
 * DeleteGroupMembership (already gone is fine), then an audited NOTE on the request
 * (`externalIds.removedAt`, facts `membershipId` and `outcome`), then a DM to the requester.
 * Running it twice changes nothing the second time; one request's failure never stops the rest.
 */
import { joinIdentityCenterGroupIntent } from '../../intents/examples/join-identity-center-group.intent';
import { errorCode } from '../errors';
import { awsErrorName } from '../key-rotation/key-rotation.errors';
import type { Ledger } from '../ledger/ledger.port';
import type { ChatOpsRequest } from '../ledger/request';
import { TransitionConflictError } from '../ledger/transitions';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import type { GroupAccess } from './group-access.port';

export const GROUP_EXPIRY_ACTOR = 'group-expiry';
const NOTE_ATTEMPTS = 3;

export interface GroupExpiryDeps {
  ledger: Ledger;
  groupAccess: GroupAccess;
  notifier: ChatNotifier;
  clock: () => Date;
  logger: Logger;
}

export interface GroupExpiryStep {
  requestId: string;
  membershipId: string;
  outcome: 'removed' | 'absent';
  /** Set when the step failed (a code or AWS error name, never a message): the next sweep tries again. */
  error?: string;
}

/** Whether `request` is a group membership whose time is up and that is not removed yet. */
export function isDue(request: ChatOpsRequest, now: Date): boolean {
  const ids = request.externalIds ?? {};
  return (
    request.intent === joinIdentityCenterGroupIntent.id &&
    request.status === 'SUCCEEDED' &&
    !!ids.membershipId &&
    !!ids.expiresAt &&
    !ids.removedAt &&
    Date.parse(ids.expiresAt) <= now.getTime()
  );
}

/** Every `SUCCEEDED` request, oldest first (every page). */
async function succeeded(ledger: Ledger): Promise<ChatOpsRequest[]> {
  const all: ChatOpsRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await ledger.listByStatus('SUCCEEDED', { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/** One sweep. Never throws for one request's failure. */
export async function sweepGroupExpiries(deps: GroupExpiryDeps): Promise<GroupExpiryStep[]> {
  const now = deps.clock();
  const steps: GroupExpiryStep[] = [];
  for (const request of (await succeeded(deps.ledger)).filter((r) => isDue(r, now))) {
    const membershipId = request.externalIds?.membershipId ?? '';
    const step: GroupExpiryStep = { requestId: request.id, membershipId, outcome: 'removed' };
    try {
      step.outcome = await deps.groupAccess.removeMembership(membershipId);
      await note(deps, request, { removedAt: now.toISOString() }, { membershipId, outcome: step.outcome });
      await tell(deps, request);
    } catch (error) {
      const code = errorCode(error);
      step.error = code === 'INTERNAL' ? awsErrorName(error) : code;
      deps.logger.error('group membership removal failed', { requestId: request.id, code: step.error });
    }
    steps.push(step);
  }
  deps.logger.info('group expiry sweep done', { steps: steps.length });
  return steps;
}

/** The audited NOTE, re-read on a version conflict (someone recorded a message id first). */
async function note(
  deps: GroupExpiryDeps,
  request: ChatOpsRequest,
  externalIds: Record<string, string>,
  facts: Record<string, string>,
): Promise<void> {
  let current = request;
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.ledger.amend(current.id, current.version, GROUP_EXPIRY_ACTOR, {
        event: 'NOTE',
        externalIds,
        facts,
      });
      return;
    } catch (error) {
      const again = error instanceof TransitionConflictError && attempt < NOTE_ATTEMPTS;
      const fresh = again ? await deps.ledger.get(current.id) : undefined;
      if (!fresh) throw error;
      current = fresh;
    }
  }
}

async function tell(deps: GroupExpiryDeps, request: ChatOpsRequest): Promise<void> {
  const group = request.parameters.GroupName ?? 'the group';
  try {
    await deps.notifier.directMessage(request.requester.slackUserId, {
      text: `Your time in the Identity Center group ${group} is up (${request.id}): I removed you from it. Ask again if you still need it.`,
    });
  } catch (error) {
    deps.logger.warn('could not DM the group member', { requestId: request.id, code: errorCode(error) });
  }
}
