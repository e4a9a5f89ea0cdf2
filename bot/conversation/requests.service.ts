/**
 * Ledger read-outs for Slack: App Home ("my requests", newest first; refreshes after filed requests
 * are debounced per user by ./home-refresher.ts), `/chatops mine` and `/chatops status <id>`.
 * `status` applies the core's one visibility rule (handlers/authz/request-visibility.ts), exactly
 * like the RequestStatus intent: "not found" and "not yours" read the same, so ids cannot be probed.
 */
import { visibleRequest } from '../../handlers/authz/request-visibility';
import { toCaller } from '../../handlers/authz/roles';
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import { ChatOpsError } from '../../handlers/errors';
import type { Ledger } from '../../handlers/ledger/ledger.port';
import type { ChatOpsRequest } from '../../handlers/ledger/request';
import { parseRequestId } from '../../handlers/ledger/request-id';
import type { Logger } from '../../handlers/logger';
import { queuePositions } from '../../handlers/request-status/queue-positions';
import { HOME_REQUEST_LIMIT, homeView } from '../render/home-view';
import { requestDetail, requestList } from '../render/requests';
import type { Blocks, SlackGateway } from '../slack/slack-gateway';
import { HomeRefresher } from './home-refresher';
import type { IdentityResolver } from './identity';

/** Requests listed by `/chatops mine`. */
export const MINE_LIMIT = 10;

export interface RequestsDeps {
  ledger: Ledger;
  slack: SlackGateway;
  config: ChatOpsConfig;
  identities: IdentityResolver;
  logger: Logger;
  /**
   * How long App Home refreshes after filed requests wait per user, coalescing (trailing). 0, the
   * default, publishes at once and awaits it (the worker Lambda may freeze once it returns).
   */
  homeRefreshDelayMs?: number;
}

export interface Answer {
  text: string;
  blocks?: Blocks;
}

export interface Asker {
  teamId: string;
  userId: string;
  channelId: string;
  turnId: string;
}

const LEDGER_DOWN = 'I cannot read the request ledger right now. Please try again in a minute.';

/** App Home, `mine` and `status` from the ledger. */
export class RequestsService {
  private readonly homes: HomeRefresher;

  constructor(private readonly deps: RequestsDeps) {
    this.homes = new HomeRefresher(
      (userId) => this.renderHome(userId),
      deps.homeRefreshDelayMs ?? 0,
      deps.logger,
    );
  }

  /**
   * Publishes the user's App Home now (after any publish in flight for the user; a waiting refresh
   * is replaced). Throws when Slack refuses the view.
   */
  publishHome(userId: string): Promise<void> {
    return this.homes.now(userId);
  }

  /** Asks for an App Home refresh after a filed request (debounced per user). Never throws. */
  refreshHome(userId: string): Promise<void> {
    return this.homes.refresh(userId);
  }

  /** Publishes every waiting App Home refresh now; resolves when none is waiting or in flight. */
  flushHomes(): Promise<void> {
    return this.homes.flush();
  }

  private async renderHome(userId: string): Promise<void> {
    let view: ReturnType<typeof homeView>;
    try {
      const page = await this.deps.ledger.listByRequester(userId, { limit: HOME_REQUEST_LIMIT });
      view = homeView(page.items, !!page.cursor, this.deps.config, await this.positionsFor(page.items));
    } catch (error) {
      this.deps.logger.error('Could not list requests for App Home', { userId, error });
      view = { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: LEDGER_DOWN } }] };
    }
    await this.deps.slack.publishHome(userId, view);
  }

  /** Queue positions, read only when one of `requests` is queued. */
  private async positionsFor(requests: readonly ChatOpsRequest[]): Promise<ReadonlyMap<string, number>> {
    return requests.some((r) => r.status === 'QUEUED') ? queuePositions(this.deps.ledger) : new Map();
  }

  /** `/chatops mine`. */
  async mine(userId: string): Promise<Answer> {
    try {
      const page = await this.deps.ledger.listByRequester(userId, { limit: MINE_LIMIT });
      const text = page.items.length
        ? `Your latest ${page.items.length} request(s), newest first:`
        : 'No requests yet.';
      const positions = await this.positionsFor(page.items);
      return {
        text,
        blocks: requestList(page.items, 'You have no requests yet.', this.deps.config, positions),
      };
    } catch (error) {
      this.deps.logger.error('Could not list requests for /chatops mine', { userId, error });
      return { text: LEDGER_DOWN };
    }
  }

  /** `/chatops status <id>`. */
  async status(asker: Asker, rawId: string): Promise<Answer> {
    let id: string;
    try {
      id = parseRequestId(rawId);
    } catch (error) {
      return { text: error instanceof ChatOpsError ? error.message : 'That is not a request id.' };
    }
    try {
      const found = await this.deps.ledger.get(id);
      const identity = await this.deps.identities.resolve(asker);
      const seen = visibleRequest(id, found, toCaller(identity, this.deps.config));
      if (!seen.visible) return { text: seen.message };
      const { request } = seen;
      const position = (await this.positionsFor([request])).get(request.id);
      return {
        text: `${request.id}: ${request.status}`,
        blocks: requestDetail(request, this.deps.config, position),
      };
    } catch (error) {
      this.deps.logger.error('Could not read a request for /chatops status', { requestId: id, error });
      return { text: LEDGER_DOWN };
    }
  }
}
