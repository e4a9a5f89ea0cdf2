/**
 * Runs one turn, wherever it comes from (in-process after the ack, or the worker Lambda after SQS).
 * Applies the per-user rate limit first: a turn over the limit is deferred (the caller runs it
 * again later) and the user is told once, kindly. App Home refreshes are not limited.
 */

import type { ApprovalActionHandler } from '../../handlers/approvals/approval-decisions.port';
import type { AccessLevel } from '../../handlers/identity/membership';
import type { Logger } from '../../handlers/logger';
import type { ConversationService } from '../conversation/conversation.service';
import { ephemeralTarget, type Replies } from '../conversation/replies';
import type { RequestsService } from '../conversation/requests.service';
import type { TurnRateLimiter } from './rate-limit';
import type { ApprovalTurn, CommandTurn, Turn } from './turn';

export type TurnResult = { status: 'done' } | { status: 'deferred'; retryAfterMs: number };

export interface TurnRunner {
  run(turn: Turn): Promise<TurnResult>;
}

export interface TurnRunnerDeps {
  conversation: ConversationService;
  requests: RequestsService;
  replies: Replies;
  approvals: ApprovalActionHandler;
  limiter: TurnRateLimiter;
  logger: Logger;
  /** One organisation, real members: the refusal for this user, or undefined (IdentityResolver.refusal). */
  membership: {
    refusal(
      teamId: string,
      userId: string,
      level: AccessLevel,
      payloadEnterpriseId?: string,
    ): Promise<string | undefined>;
  };
}

/** The friendly note for a deferred turn. */
export function slowDownMessage(retryAfterMs: number): string {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return `You are sending messages faster than I can handle. I have kept this one and will answer it in about ${seconds} s.`;
}

/** The turn runner: rate limit, then the turn's service. */
export class DefaultTurnRunner implements TurnRunner {
  private readonly notified = new Set<string>();

  constructor(private readonly deps: TurnRunnerDeps) {}

  async run(turn: Turn): Promise<TurnResult> {
    if (turn.kind !== 'home') {
      const decision = this.deps.limiter.take(turn.userId);
      if (!decision.allowed) {
        await this.tellOnce(turn, decision.retryAfterMs);
        return { status: 'deferred', retryAfterMs: decision.retryAfterMs };
      }
    }
    this.notified.delete(turn.id);
    if (await this.refused(turn)) return { status: 'done' };
    switch (turn.kind) {
      case 'utterance':
        await this.deps.conversation.handle(turn);
        break;
      case 'command':
        await this.command(turn);
        break;
      case 'home':
        await this.deps.requests.publishHome(turn.userId);
        break;
      case 'approval':
        await this.approval(turn);
        break;
    }
    return { status: 'done' };
  }

  /**
   * Refuses early (with the code hook's message) users of another organisation, guests unless
   * config lets them read, and anyone not a verified full member clicking Approve / Reject. Write
   * intents of guests in `readOnly` mode and of unverified users are refused by the code hook,
   * which alone knows the intent.
   */
  private async refused(turn: Turn): Promise<boolean> {
    const level = turn.kind === 'approval' ? 'approve' : 'read';
    const refusal = await this.deps.membership.refusal(turn.teamId, turn.userId, level, turn.enterpriseId);
    if (!refusal) return false;
    this.deps.logger.warn('Turn refused: not a member of the organisation', {
      turnId: turn.id,
      kind: turn.kind,
      userId: turn.userId,
      teamId: turn.teamId,
    });
    if (turn.kind !== 'home') await this.deps.replies.ephemeral(ephemeralTarget(turn), refusal);
    return true;
  }

  private async tellOnce(turn: Turn, retryAfterMs: number): Promise<void> {
    if (this.notified.has(turn.id)) return;
    this.notified.add(turn.id);
    this.deps.logger.info('Turn deferred by the per-user rate limit', { turnId: turn.id, retryAfterMs });
    await this.deps.replies.ephemeral(ephemeralTarget(turn), slowDownMessage(retryAfterMs));
  }

  private async command(turn: CommandTurn): Promise<void> {
    const asker = { teamId: turn.teamId, userId: turn.userId, channelId: turn.channelId, turnId: turn.id };
    const answer =
      turn.command === 'mine'
        ? await this.deps.requests.mine(turn.userId)
        : await this.deps.requests.status(asker, turn.argument);
    await this.deps.replies.ephemeral(ephemeralTarget(turn), answer.text, answer.blocks);
  }

  private async approval(turn: ApprovalTurn): Promise<void> {
    const outcome = await this.deps.approvals.decide({
      requestId: turn.requestId,
      decision: turn.decision,
      ...(turn.comment ? { comment: turn.comment } : {}),
      approver: { teamId: turn.teamId, slackUserId: turn.userId },
      channelId: turn.clicked.channelId,
      messageTs: turn.clicked.messageTs,
    });
    // The core redraws the approvers-channel message it remembers; redrawing it here too would
    // overwrite the decided message with the click-time copy.
    if (outcome.settled && outcome.redrawn) return;
    if (outcome.settled)
      await this.deps.replies.closeClicked(turn, { ...turn.clicked, outcome: outcome.outcome });
    else await this.deps.replies.ephemeral(ephemeralTarget(turn), outcome.message);
  }
}
