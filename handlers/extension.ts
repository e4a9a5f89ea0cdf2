/**
 * The framework's extension point: what a team adds to ChatOps for its own operations. An
 * extension is intents (specs) plus their capabilities and the factories that build the
 * capabilities' deps, once over the sandbox world and once over real AWS clients. Composition
 * roots (local/sandbox-deps.ts, handlers/fulfillment.lambda.ts) call the factories; the Lex bot
 * locale, help, App Home and the declared IAM grants follow from the catalog it extends.
 */
import type { IntentSpec } from '../intents/define-intent';
import type { Capability } from './capability';
import type { ChatOpsConfig } from './config/config.schema';
import type { CapabilityDeps } from './deps';
import type { Ledger } from './ledger/ledger.port';
import type { Logger } from './logger';
import type { SandboxWorldData } from './sandbox/sandbox-world';

/** What an extension's deps factories are given by the composition root. */
export interface ExtensionContext {
  config: ChatOpsConfig;
  logger: Logger;
  ledger: Ledger;
  /** The clock (expiries, schedules); default the system clock. */
  now?: () => Date;
}

/** `D` is the extension's own deps; its capabilities also see every built-in capability's deps. */
export interface ChatOpsExtension<D extends object = object> {
  /** Names the extension in errors and logs. */
  name: string;
  /** Its intent specs (added to the catalog before the fallback intent). */
  intents: readonly Readonly<IntentSpec>[];
  /** One capability per intent, named by the spec's id. */
  capabilities: readonly Capability<CapabilityDeps & D>[];
  /** Its deps on the sandbox world (local stack, `npm run lex:local`, tests). */
  sandboxDeps: (ctx: ExtensionContext & { world: SandboxWorldData }) => D;
  /** Its deps on real AWS clients (the Lambda entries), in `region`. */
  awsDeps: (ctx: ExtensionContext & { region: string }) => D;
}

/**
 * Types an extension (its deps factories and capabilities agree on `D`) and erases `D` so
 * extensions of different deps can be listed together.
 *
 * @example
 * export const restartExtension = defineExtension<RestartDeps>({
 *   name: 'restart-service',
 *   intents: [restartServiceIntent],
 *   capabilities: [restartServiceCapability],
 *   sandboxDeps: () => ({ ecs: new SandboxEcs() }),
 *   awsDeps: ({ region }) => ({ ecs: new EcsServices(new ECSClient({ region })) }),
 * });
 */
export function defineExtension<D extends object>(extension: ChatOpsExtension<D>): ChatOpsExtension {
  return Object.freeze(extension) as unknown as ChatOpsExtension;
}
