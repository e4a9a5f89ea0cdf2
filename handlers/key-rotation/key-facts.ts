/** Small, pure facts about keys shared by the dialog, the due-keys listing and the sweeper. */
import type { AccessKeyInfo, KeyLastUse } from './access-keys.port';

const DAY_MS = 86_400_000;

/** Whole days since the key was created. */
export function keyAgeDays(key: Pick<AccessKeyInfo, 'createDate'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(key.createDate)) / DAY_MS));
}

/** "last used 2 days ago by s3 in eu-west-1" / "never used". */
export function describeLastUse(use: KeyLastUse, now: Date): string {
  if (!use.at) return 'never used';
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(use.at)) / DAY_MS));
  const when = days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`;
  const by = use.serviceName ? ` by ${use.serviceName}` : '';
  const where = use.region ? ` in ${use.region}` : '';
  return `last used ${when}${by}${where}`;
}
