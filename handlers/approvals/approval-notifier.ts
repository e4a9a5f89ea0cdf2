/**
 * `ApprovalNotifier`: the {@link ApprovalRequests} implementation. For a request now in
 * `PENDING_APPROVAL` it (a) emails every approver their personal link (one message each, through
 * the {@link EmailChannel}: SNS in AWS, the sink locally), counting only the sends the channel
 * accepted, and (b) posts the approvers-channel message with Approve / Reject buttons and remembers
 * where it went (`externalIds.approvalMessage`, an audited NOTE, ../notify/recorded-message.ts) so
 * it can be updated later: itself when the post returns where it landed, through `recordAs` when
 * the post was only queued (the chat outbox's consumer records it). A
 * failure of one channel never loses the request: it stays `PENDING_APPROVAL` and the requester is
 * told who was reached.
 */
import type { ChatOpsConfig } from '../config/config.schema';
import type { Ledger } from '../ledger/ledger.port';
import type { ChatOpsRequest } from '../ledger/request';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import { recordPostedMessage } from '../notify/recorded-message';
import { approvalEmail } from './approval-email';
import { APPROVAL_MESSAGE_ID, pendingNotice } from './approval-notices';
import type { ApprovalNotification, ApprovalRequests } from './approval-requests.port';
import type { ApprovalTokens } from './approval-tokens';
import { approvalView } from './approval-view';
import { approverByEmail, isRequester } from './approvers';
import type { EmailChannel } from './email-channel.port';

export interface ApprovalNotifierDeps {
  config: ChatOpsConfig;
  ledger: Ledger;
  tokens: ApprovalTokens;
  email: EmailChannel;
  chat: ChatNotifier;
  /** Base of the approval page, e.g. `https://…/approvals` (no trailing slash). */
  approvalsUrl: string;
  logger: Logger;
}

export class ApprovalNotifier implements ApprovalRequests {
  constructor(private readonly deps: ApprovalNotifierDeps) {}

  async requestApproval(request: ChatOpsRequest): Promise<ApprovalNotification> {
    const [mail, postedToChannel] = await Promise.all([this.emailAll(request), this.postToChannel(request)]);
    return { ...mail, postedToChannel };
  }

  private async emailAll(request: ChatOpsRequest): Promise<{ notified: string[]; failed: string[] }> {
    const { config, tokens, email, logger } = this.deps;
    const approval = request.approval;
    const notified: string[] = [];
    const failed: string[] = [];
    if (!approval) throw new Error(`Request ${request.id} has no approval state`);
    const view = approvalView(request, config);
    const expiresAt = Math.floor(Date.parse(approval.expiresAt) / 1000);
    for (const address of config.approvers.emails) {
      const approver = approverByEmail(config, address);
      if (!approver) continue;
      // Separation of duties: a requester who is also an approver gets no personal link (the desk
      // would refuse it anyway) and does not count as an approver reached.
      if (isRequester(config, request, approver)) continue;
      const token = await tokens.issue({
        requestId: request.id,
        approver: approver.id,
        digest: approval.digest,
        expiresAt,
      });
      const link = `${this.deps.approvalsUrl}/${request.id}?token=${token}`;
      try {
        await email.send(approvalEmail(view, approver.id, link));
        notified.push(approver.id);
      } catch (error) {
        failed.push(approver.id);
        logger.warn('approval email not sent', {
          requestId: request.id,
          to: approver.id,
          code: errorCode(error),
        });
      }
    }
    return { notified, failed };
  }

  private async postToChannel(request: ChatOpsRequest): Promise<boolean> {
    const { config, chat, logger } = this.deps;
    try {
      const recordAs = { requestId: request.id, externalId: APPROVAL_MESSAGE_ID };
      const posted = await chat.postToChannel(config.slack.approversChannel, {
        ...pendingNotice(approvalView(request, config)),
        recordAs,
      });
      // A queued post (the chat outbox) is recorded by the outbox's consumer once it is in Slack.
      if (!posted.queued) await recordPostedMessage(this.deps.ledger, recordAs, posted);
      return true;
    } catch (error) {
      logger.warn('approvers channel message not posted', { requestId: request.id, code: errorCode(error) });
      return false;
    }
  }
}

function errorCode(error: unknown): string {
  const e = error as { code?: string; name?: string } | undefined;
  return e?.code ?? e?.name ?? 'UNKNOWN';
}
