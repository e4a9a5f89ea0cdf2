/**
 * Why each bot scope is needed (the manifest asks for exactly these; a test derives the set from
 * the listeners' events and the gateway's Web API methods). Scopes per method and event from
 * https://api.slack.com/methods and https://api.slack.com/events.
 */

/** Scope each subscribed event needs (`null`: none). */
export const EVENT_SCOPES: Readonly<Record<string, string | null>> = {
  'message.im': 'im:history',
  app_mention: 'app_mentions:read',
  app_home_opened: null,
};

/** Scopes each Web API method the Slack gateway calls needs. */
export const METHOD_SCOPES: Readonly<Record<string, readonly string[]>> = {
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.open': ['im:write'],
  'views.publish': [],
  'views.open': [], // the reject modal (bot/listeners/actions/approval.listener.ts)
  'users.info': ['users:read', 'users:read.email'],
  'usergroups.users.list': ['usergroups:read'],
};

/** The scope a slash command needs. */
export const COMMAND_SCOPE = 'commands';
