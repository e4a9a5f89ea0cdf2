/** Help, generated from the catalog: descriptions and examples of what this caller may run. */
import { helpIntent } from '../../intents/help.intent';
import type { IntentRegistry } from '../../intents/registry';
import { canRun } from '../authz/roles';
import type { Capability } from '../capability';

export interface HelpDeps {
  catalog: IntentRegistry;
}

/** The help text for a caller: intents they cannot run are hidden. */
export const helpCapability: Capability<HelpDeps> = {
  intent: helpIntent.id,
  async run({ caller }, deps, config) {
    const lines = deps.catalog
      .list()
      .filter((spec) => !spec.parentIntent && spec.id !== helpIntent.id && canRun(spec, caller, config))
      .map((spec) => {
        const examples = spec.examples.map((e) => `"${e}"`).join(', ');
        return `• ${spec.description}${examples ? ` Try: ${examples}` : ''}`;
      });
    return { message: ['Here is what I can do for you:', ...lines].join('\n') };
  },
};
