/**
 * The key sweeper (DESIGN §2 "Key rotation"): for each old key whose date has come,
 * - due for deactivation: GetAccessKeyLastUsed; used in the last 24 hours → DM the owner (which
 *   service, which region) and postpone by a day, at most twice; else UpdateAccessKey → Inactive;
 * - deactivated and due for deletion: DeleteAccessKey.
 * Every step is a conditional schedule change with an audit event; a step's new dates are in the
 * future, so running the sweeper twice in a row changes nothing the second time. `dryRun` reports
 * the steps it would take and changes nothing (it still reads last use: a read-only call).
 */
import type { ChatOpsConfig } from '../config/config.schema';
import { errorCode } from '../errors';
import type { Logger } from '../logger';
import type { ChatNotice, ChatNotifier } from '../notify/chat-notifier.port';
import { type AccessKeys, type KeyLastUse, keyTail } from './access-keys.port';
import { KeyScheduleConflictError } from './key-rotation.errors';
import type { KeyRetirement, KeySchedule } from './key-schedule.port';

export const SWEEPER_ACTOR = 'key-sweeper';
export const RECENT_USE_MS = 24 * 3_600_000;
export const MAX_POSTPONEMENTS = 2;
const DAY_MS = 86_400_000;

export interface SweeperDeps {
  accessKeys: AccessKeys;
  keySchedule: KeySchedule;
  notifier: ChatNotifier;
  clock: () => Date;
  logger: Logger;
}

export type SweepAction = 'POSTPONE' | 'DEACTIVATE' | 'DELETE';

export interface SweepStep {
  id: string;
  userName: string;
  /** The key's last 4 characters (`…ABCD`). */
  key: string;
  action: SweepAction;
  detail: string;
  /** Set when the step was attempted and failed (a code, never a message). */
  error?: string;
}

export interface SweepReport {
  dryRun: boolean;
  at: string;
  steps: SweepStep[];
}

const later = (iso: string, base: Date, ms: number) =>
  new Date(Math.max(Date.parse(iso), base.getTime()) + ms).toISOString();

/** One sweep over every open retirement. Never throws for one item's failure. */
export async function sweepKeys(
  options: { dryRun?: boolean },
  deps: SweeperDeps,
  _config?: ChatOpsConfig,
): Promise<SweepReport> {
  const now = deps.clock();
  const dryRun = options.dryRun === true;
  const steps: SweepStep[] = [];
  for (const item of await deps.keySchedule.listOpen()) {
    const step = await planStep(item, now, deps);
    if (!step) continue;
    if (!dryRun) {
      try {
        await apply(item, step, now, deps);
      } catch (error) {
        step.error = errorCode(error);
        const log = error instanceof KeyScheduleConflictError ? deps.logger.warn : deps.logger.error;
        log.call(deps.logger, 'key sweep step failed', {
          requestId: item.id,
          action: step.action,
          code: step.error,
        });
      }
    }
    steps.push(step);
  }
  deps.logger.info('key sweep done', { dryRun, steps: steps.length });
  return { dryRun, at: now.toISOString(), steps };
}

interface PlannedStep extends SweepStep {
  use?: KeyLastUse;
}

async function planStep(item: KeyRetirement, now: Date, deps: SweeperDeps): Promise<PlannedStep | undefined> {
  const base = { id: item.id, userName: item.userName, key: keyTail(item.accessKeyId) };
  if (item.state === 'DEACTIVATED' && Date.parse(item.deleteAt) <= now.getTime()) {
    return { ...base, action: 'DELETE', detail: `delete ${base.key} of ${item.userName}` };
  }
  if (item.state !== 'SCHEDULED' || Date.parse(item.deactivateAt) > now.getTime()) return undefined;
  const use = await deps.accessKeys.lastUsed(item.accessKeyId, { requestId: item.id });
  const recent = use.at !== undefined && now.getTime() - Date.parse(use.at) < RECENT_USE_MS;
  if (recent && item.postponements < MAX_POSTPONEMENTS) {
    const where = [use.serviceName, use.region].filter(Boolean).join(' in ');
    return {
      ...base,
      action: 'POSTPONE',
      use,
      detail: `postpone the deactivation of ${base.key} by a day (used at ${use.at}${where ? ` by ${where}` : ''}; postponement ${item.postponements + 1} of ${MAX_POSTPONEMENTS})`,
    };
  }
  return { ...base, action: 'DEACTIVATE', detail: `deactivate ${base.key} of ${item.userName}` };
}

async function apply(item: KeyRetirement, step: PlannedStep, now: Date, deps: SweeperDeps): Promise<void> {
  const ctx = { requestId: item.id };
  const at = now.toISOString();
  if (step.action === 'POSTPONE') {
    const deactivateAt = later(item.deactivateAt, now, DAY_MS);
    const deleteAt = later(item.deleteAt, now, DAY_MS);
    const details = {
      deactivateAt,
      deleteAt,
      ...(step.use?.serviceName ? { serviceName: step.use.serviceName } : {}),
      ...(step.use?.region ? { region: step.use.region } : {}),
    };
    const next = await deps.keySchedule.update(
      item,
      { deactivateAt, deleteAt, postponements: item.postponements + 1 },
      { actor: SWEEPER_ACTOR, action: 'POSTPONED', at, details },
    );
    await tell(deps, next.ownerSlackUserId, postponedNotice(next, step.use ?? {}));
    return;
  }
  if (step.action === 'DEACTIVATE') {
    await deps.accessKeys.deactivateKey(item.userName, item.accessKeyId, ctx);
    const deleteAt = Date.parse(item.deleteAt) > now.getTime() ? item.deleteAt : later(at, now, DAY_MS);
    const next = await deps.keySchedule.update(
      item,
      { state: 'DEACTIVATED', deleteAt },
      { actor: SWEEPER_ACTOR, action: 'DEACTIVATED', at, details: { deleteAt } },
    );
    await tell(deps, next.ownerSlackUserId, {
      text: `Your old access key ${step.key} of IAM user ${item.userName} is now deactivated; it will be deleted on ${deleteAt.slice(0, 10)}. The new key is in the Secrets Manager secret ${item.secretName}.`,
    });
    return;
  }
  await deps.accessKeys.deleteKey(item.userName, item.accessKeyId, ctx);
  await deps.keySchedule.update(item, { state: 'DELETED' }, { actor: SWEEPER_ACTOR, action: 'DELETED', at });
}

/** The DM that warns an owner whose old key is still in use. */
export function postponedNotice(item: KeyRetirement, use: KeyLastUse): ChatNotice {
  const fields = [
    { label: 'Last used', value: use.at ?? 'unknown' },
    { label: 'Service', value: use.serviceName ?? 'unknown' },
    { label: 'Region', value: use.region ?? 'unknown' },
    { label: 'Now deactivated on', value: item.deactivateAt.slice(0, 10) },
  ];
  return {
    text: `Your old access key ${keyTail(item.accessKeyId)} of IAM user ${item.userName} was used in the last 24 hours, so I postponed its deactivation by a day (${item.postponements} of ${MAX_POSTPONEMENTS}). Switch to the new key in the Secrets Manager secret ${item.secretName}.`,
    fields,
  };
}

async function tell(deps: SweeperDeps, slackUserId: string, notice: ChatNotice): Promise<void> {
  try {
    await deps.notifier.directMessage(slackUserId, notice);
  } catch (error) {
    deps.logger.warn('could not DM the key owner', { slackUserId, code: errorCode(error) });
  }
}
