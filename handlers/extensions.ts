/**
 * Which extensions run, from config: the worked example when `examples.enabled`, plus any a
 * composition root (or a test) passes in. Everything derived from the catalog and the capability
 * list — the Lex bot locale, help, App Home, the code hook's capability map, the approval plan and
 * the declared IAM grants — goes through these functions, so enabling an extension edits nothing else.
 */
import { catalogOf } from '../intents/catalog';
import type { IntentRegistry } from '../intents/registry';
import { DEFAULT_CAPABILITIES } from './capabilities';
import type { Capability } from './capability';
import type { ChatOpsConfig } from './config/config.schema';
import type { CapabilityDeps } from './deps';
import { workedExampleExtension } from './examples/worked-example.extension';
import type { ChatOpsExtension } from './extension';

/** A team's own extensions, on in every stage: add yours here (one line). */
const TEAM_EXTENSIONS: readonly ChatOpsExtension[] = [];

/** Every extension this build ships, on or off (config may name their intents either way). */
export const KNOWN_EXTENSIONS: readonly ChatOpsExtension[] = [workedExampleExtension, ...TEAM_EXTENSIONS];

/** The extensions `config` turns on, then `extra` (e.g. a test's throw-away one). */
export function enabledExtensions(
  config: Pick<ChatOpsConfig, 'examples'>,
  extra: readonly ChatOpsExtension[] = [],
): readonly ChatOpsExtension[] {
  // Tolerates a hand-built config without the key (tests): parseConfig always fills it.
  return [...(config.examples?.enabled ? [workedExampleExtension] : []), ...TEAM_EXTENSIONS, ...extra];
}

/** The catalog: built-in intents, then the extensions' (validated: duplicate ids throw). */
export function catalogFor(
  config: Pick<ChatOpsConfig, 'examples'>,
  extra: readonly ChatOpsExtension[] = [],
): IntentRegistry {
  return catalogOf(enabledExtensions(config, extra).flatMap((e) => e.intents));
}

/** Every capability: the built-ins, then the extensions'. */
export function capabilitiesFor(
  config: Pick<ChatOpsConfig, 'examples'>,
  extra: readonly ChatOpsExtension[] = [],
): readonly Capability<CapabilityDeps>[] {
  return [
    ...DEFAULT_CAPABILITIES,
    ...enabledExtensions(config, extra).flatMap(
      (e) => e.capabilities as readonly Capability<CapabilityDeps>[],
    ),
  ];
}

/** The extensions' deps on the sandbox world, merged (local stack, tests). */
export function extensionSandboxDeps(
  extensions: readonly ChatOpsExtension[],
  ctx: Parameters<ChatOpsExtension['sandboxDeps']>[0],
): object {
  return Object.assign({}, ...extensions.map((e) => e.sandboxDeps(ctx)));
}

/** The extensions' deps on real AWS clients, merged (Lambda entries). */
export function extensionAwsDeps(
  extensions: readonly ChatOpsExtension[],
  ctx: Parameters<ChatOpsExtension['awsDeps']>[0],
): object {
  return Object.assign({}, ...extensions.map((e) => e.awsDeps(ctx)));
}
