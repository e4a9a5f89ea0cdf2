/**
 * Runs one turn, wherever it comes from (in-process after the ack, or the worker Lambda after SQS).
 * Applies the per-user rate limit first: a turn over the limit is deferred (the caller runs it
 * again later) and the user is told once, kindly. App Home refreshes are not limited.
 */

import type { ApprovalActionHandler } from '../../handlers/approvals/approval-decisions.port';
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
    if (outcome.settled)
      await this.deps.replies.closeClicked(turn, { ...turn.clicked, outcome: outcome.outcome });
    else await this.deps.replies.ephemeral(ephemeralTarget(turn), outcome.message);
  }
}
