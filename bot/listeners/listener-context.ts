/** What every listener gets: where turns go, the catalog (for help) and a logger. */
import type { Logger } from '../../handlers/logger';
import type { IntentRegistry } from '../../intents/registry';
import type { TurnDispatcher } from '../turns/dispatcher';

export interface ListenerContext {
  dispatcher: TurnDispatcher;
  catalog: IntentRegistry;
  logger: Logger;
  /** Clock for `receivedAt` (tests pin it). */
  now: () => Date;
}
