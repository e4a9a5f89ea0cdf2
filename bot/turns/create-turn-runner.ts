/**
 * Composition of the turn runner from its collaborators, shared by `createSlackApp` (HTTP, Socket
 * Mode) and the worker Lambda, so both run exactly the same turn code.
 */

import {
  type ApprovalActionHandler,
  approvalsNotAvailable,
} from '../../handlers/approvals/approval-decisions.port';
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import { catalogFor } from '../../handlers/extensions';
import type { IdentityKeySource } from '../../handlers/identity/identity-keys';
import type { Ledger } from '../../handlers/ledger/ledger.port';
import type { Logger } from '../../handlers/logger';
import type { IntentRegistry } from '../../intents/registry';
import { ConversationService } from '../conversation/conversation.service';
import { IdentityResolver } from '../conversation/identity';
import type { LexBotRef } from '../conversation/lex-client';
import { Replies } from '../conversation/replies';
import { type RequestsDeps, RequestsService } from '../conversation/requests.service';
import type { SlackGateway } from '../slack/slack-gateway';
import { DEFAULT_TURNS_PER_MINUTE, TurnRateLimiter } from './rate-limit';
import { DefaultTurnRunner, type TurnRunner } from './turn-runner';

export interface TurnRunnerOptions {
  slack: SlackGateway;
  lex: LexBotRef;
  ledger: Ledger;
  config: ChatOpsConfig;
  logger: Logger;
  /** The identity signing keys (DESIGN §5): the Slack side signs what it sends to Lex. */
  identityKeys: IdentityKeySource;
  catalog?: IntentRegistry;
  approvals?: ApprovalActionHandler;
  rateLimit?: { turnsPerMinute: number };
  now?: () => number;
  /** See {@link RequestsDeps.homeRefreshDelayMs} (default 0: App Home refreshes publish at once). */
  homeRefreshDelayMs?: number;
}

/** A turn runner that can also publish the App Home refreshes still waiting for their debounce. */
export interface ComposedTurnRunner extends TurnRunner {
  /** Publishes every waiting App Home refresh now; resolves when none is waiting or in flight. */
  flushHomes(): Promise<void>;
}

/** The turn runner with its services wired. */
export function createTurnRunner(options: TurnRunnerOptions): ComposedTurnRunner {
  const { slack, lex, ledger, config, logger } = options;
  const catalog = options.catalog ?? catalogFor(config);
  const now = options.now ?? Date.now;
  const identities = new IdentityResolver(slack, config, logger, now);
  const replies = new Replies(slack, logger);
  const homeRefreshDelayMs = options.homeRefreshDelayMs ?? 0;
  const requests = new RequestsService({ ledger, slack, config, identities, logger, homeRefreshDelayMs });
  const conversation = new ConversationService({
    slack,
    lex,
    catalog,
    config,
    identities,
    replies,
    requests,
    logger,
    identityKeys: options.identityKeys,
    now,
  });
  const runner = new DefaultTurnRunner({
    conversation,
    requests,
    replies,
    approvals: options.approvals ?? approvalsNotAvailable,
    limiter: new TurnRateLimiter(options.rateLimit?.turnsPerMinute ?? DEFAULT_TURNS_PER_MINUTE, now),
    logger,
    membership: identities,
  });
  return { run: (turn) => runner.run(turn), flushHomes: () => requests.flushHomes() };
}
