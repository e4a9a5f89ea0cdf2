/** What the requester reads in their thread as an account is vended (plain text, no markup). */
import type { ChatOpsRequest } from '../ledger/request';
import type { ChatNotice } from '../notify/chat-notifier.port';

const who = (request: ChatOpsRequest) => [request.requester.slackUserId];
const account = (request: ChatOpsRequest) => request.parameters.AccountName ?? '?';

export function queuedNotice(request: ChatOpsRequest, position: number, limit: number): ChatNotice {
  return {
    text: `Request ${request.id} is approved and queued, position ${position}: Control Tower provisions at most ${limit} accounts at once. It starts by itself when a slot frees.`,
    fields: [{ label: 'queue position', value: String(position) }],
    mentions: who(request),
  };
}

export function startedNotice(request: ChatOpsRequest, recordId: string): ChatNotice {
  return {
    text: `Request ${request.id}: provisioning started for account ${account(request)}. This usually takes 20 to 40 minutes; I'll post the account id here.`,
    fields: [{ label: 'recordId', value: recordId }],
    mentions: who(request),
  };
}

export function succeededNotice(request: ChatOpsRequest, accountId: string): ChatNotice {
  return {
    text: `Request ${request.id} succeeded: account ${account(request)} is ready, account id ${accountId}.`,
    fields: [
      { label: 'accountId', value: accountId },
      { label: 'organizational unit', value: request.parameters.OrganizationalUnit ?? '?' },
      { label: 'owner', value: request.parameters.AccountEmail ?? '?' },
    ],
    mentions: who(request),
  };
}

export function failedNotice(request: ChatOpsRequest, reason: string): ChatNotice {
  return {
    text: `Request ${request.id} failed: account ${account(request)} was not created. ${reason}`,
    mentions: who(request),
  };
}
