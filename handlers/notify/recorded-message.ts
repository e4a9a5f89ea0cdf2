/**
 * Where a posted chat message landed, kept on its request so it can be updated later (e.g. the
 * approvers' message once decided): the external id `recordAs.externalId` holds `channel/ts`,
 * written as an audited NOTE. Used by whoever learns where the message went: the in-process caller
 * (ApprovalNotifier) or the chat outbox's consumer (bot/lambda/chat-outbox.lambda.ts).
 */
import type { Ledger } from '../ledger/ledger.port';
import { TransitionConflictError } from '../ledger/transitions';
import type { PostedMessage, RecordAs } from './chat-notifier.port';

/** How many times a concurrent write (e.g. a vote landing first) is read and tried again. */
const ATTEMPTS = 5;

/** `channel/ts` as kept on the request, and back. */
export const encodeMessage = (m: PostedMessage) => `${m.channelId}/${m.ts}`;
export function decodeMessage(value: string | undefined): PostedMessage | undefined {
  const [channelId, ts] = (value ?? '').split('/');
  return channelId && ts ? { channelId, ts } : undefined;
}

/**
 * Records `posted` as `recordAs.externalId` of `recordAs.requestId` (an audited NOTE by `system`).
 * A version conflict means someone wrote first: the request is read again, up to 5 times.
 * @returns true once recorded; false when the request does not exist or the last attempt still
 * conflicted (nothing recorded)
 * @throws whatever else the ledger throws
 */
export async function recordPostedMessage(
  ledger: Ledger,
  recordAs: RecordAs,
  posted: PostedMessage,
): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await ledger.get(recordAs.requestId);
    if (!current) return false;
    try {
      await ledger.amend(current.id, current.version, 'system', {
        event: 'NOTE',
        externalIds: { [recordAs.externalId]: encodeMessage(posted) },
      });
      return true;
    } catch (error) {
      if (!(error instanceof TransitionConflictError)) throw error;
    }
  }
  return false;
}
