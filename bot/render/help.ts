/**
 * `/chatops help`: what the bot can do, generated from the intent catalog (DESIGN rule 2: nothing
 * is written twice) plus the slash command's own sub-commands.
 */
import type { IntentRegistry } from '../../intents/registry';
import type { Blocks } from '../slack/slack-gateway';

/** The app's slash command (also in slack-manifest.yml). */
export const SLASH_COMMAND = '/chatops';

/** Sub-commands answered without Lex, as shown in help and the manifest's usage hint. */
export const SUBCOMMANDS = [
  { usage: 'help', description: 'this list' },
  { usage: 'status REQ-…', description: 'the status of one request you can see' },
  { usage: 'mine', description: 'your latest requests' },
] as const;

/** The manifest's usage hint for the slash command. */
export const USAGE_HINT = `${SUBCOMMANDS.map((s) => s.usage.split(' ')[0]).join(' | ')} | anything you would say to me`;

/** Help text and blocks. */
export function helpMessage(catalog: IntentRegistry): { text: string; blocks: Blocks } {
  const intents = catalog
    .list()
    .filter((spec) => !spec.parentIntent && spec.examples.length > 0)
    .map((spec) => `• *${spec.description}*  e.g. _${spec.examples[0]}_`);
  const commands = SUBCOMMANDS.map((s) => `• \`${SLASH_COMMAND} ${s.usage}\` — ${s.description}`);
  const text = [
    'Here is what I can do. Talk to me in a direct message, mention me in a channel, or use the slash command.',
    ...intents,
    '',
    `*Slash command* (\`${SLASH_COMMAND} <anything else>\` continues in our direct messages):`,
    ...commands,
  ].join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
