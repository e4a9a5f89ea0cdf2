/**
 * The little general-English knowledge the local NLU needs beyond the catalog: chat-speak spellings
 * ("u", "pls", "thx"), small talk (greetings, thanks, goodbyes) and verbs of operations a chat-ops
 * bot is asked for but this catalog may not offer ("delete", "terminate").
 *
 * Hand-written because it is not about our domain and no installed library ships it: NLP.js' English
 * normaliser only folds case and accents, and its stop-word list has no chat-speak. Everything about
 * the domain (vocabulary, spellings, shortenings of catalog words such as "acct" or "pipe") is derived
 * from the catalog in vocabulary.ts, never listed here. Keep each list small and general.
 */

/**
 * Chat-speak token → what it stands for (one or more plain words). Contractions are listed without
 * their apostrophe ("what's", "whats" and "what’s" alike), so "how's" is never read as a possessive name.
 */
export const CHAT_SPEAK: ReadonlyMap<string, string> = new Map([
  ['u', 'you'],
  ['ya', 'you'],
  ['ur', 'your'],
  ['r', 'are'],
  ['y', 'why'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['plse', 'please'],
  ['thx', 'thanks'],
  ['thnx', 'thanks'],
  ['thanx', 'thanks'],
  ['tx', 'thanks'],
  ['ty', 'thanks'],
  ['tysm', 'thanks'],
  ['wat', 'what'],
  ['wut', 'what'],
  ['whats', 'what is'],
  ['hows', 'how is'],
  ['wheres', 'where is'],
  ['whys', 'why is'],
  ['whos', 'who is'],
  ['thats', 'that is'],
  ['theres', 'there is'],
  ['youre', 'you are'],
  ['wont', 'will not'],
  ['repo', 'repository'],
  ['env', 'environment'],
  ['info', 'information'],
  ['config', 'configuration'],
  ['im', 'i am'],
  ['ive', 'i have'],
  ['cant', 'cannot'],
  ['dont', 'do not'],
  ['didnt', 'did not'],
  ['isnt', 'is not'],
  ['gimme', 'give me'],
  ['lemme', 'let me'],
  ['wanna', 'want to'],
  ['gotta', 'got to'],
  ['haz', 'have'],
  ['b4', 'before'],
  ['2day', 'today'],
  ['cn', 'can'],
  ['cud', 'could'],
  ['wud', 'would'],
  ['shud', 'should'],
  ['abt', 'about'],
  ['thru', 'through'],
  ['tho', 'though'],
  ['rn', 'now'],
  ['pl', 'please'],
  ['pleeease', 'please'],
  ['thnks', 'thanks'],
  ['tnx', 'thanks'],
  ['thankyou', 'thanks'],
  ['thanku', 'thanks'],
  ['dunno', 'do not know'],
  ['idk', 'i do not know'],
  ['sth', 'something'],
  ['smth', 'something'],
  ['btw', ''],
  ['asap', ''],
]);

/** Two-word chat phrases read as one word before anything else ("on call" is not "call it"). */
export const CHAT_PHRASES: ReadonlyMap<string, string> = new Map([
  ['on call', 'oncall'],
  ['roll back', 'rollback'],
  ['shut down', 'shutdown'],
  ['on-call', 'oncall'],
  ['see ya', 'bye'],
  ['see you', 'bye'],
  ['thank you', 'thanks'],
  ['thank u', 'thanks'],
]);

export type SmallTalk = 'greeting' | 'thanks' | 'goodbye';

/** Small-talk words (after chat-speak) and what kind of small talk they are. */
export const SMALL_TALK: ReadonlyMap<string, SmallTalk> = new Map([
  ['hi', 'greeting'],
  ['hii', 'greeting'],
  ['hello', 'greeting'],
  ['helo', 'greeting'],
  ['hallo', 'greeting'],
  ['hey', 'greeting'],
  ['heya', 'greeting'],
  ['hiya', 'greeting'],
  ['heyo', 'greeting'],
  ['heyy', 'greeting'],
  ['hola', 'greeting'],
  ['gm', 'greeting'],
  ['gday', 'greeting'],
  ['ello', 'greeting'],
  ['hai', 'greeting'],
  ['howdy', 'greeting'],
  ['yo', 'greeting'],
  ['sup', 'greeting'],
  ['wassup', 'greeting'],
  ['greetings', 'greeting'],
  ['morning', 'greeting'],
  ['afternoon', 'greeting'],
  ['evening', 'greeting'],
  ['thanks', 'thanks'],
  ['thank', 'thanks'],
  ['cheers', 'thanks'],
  ['ta', 'thanks'],
  ['bye', 'goodbye'],
  ['goodbye', 'goodbye'],
  ['cya', 'goodbye'],
  ['later', 'goodbye'],
  ['night', 'goodbye'],
  ['gn', 'goodbye'],
  ['ttyl', 'goodbye'],
  ['goodnight', 'goodbye'],
]);

/** Words that may stand around small talk without making it a request ("ok thanks a lot, bot"). */
export const SMALL_TALK_FILLERS: ReadonlySet<string> = new Set([
  'ok',
  'okay',
  'good',
  'there',
  'all',
  'bot',
  'mate',
  'folks',
  'team',
  'so',
  'much',
  'lot',
  'again',
  'very',
  'many',
  'you',
  'a',
  'and',
  'for',
  'everyone',
  'guys',
]);

/**
 * Verbs of operations people ask a chat-ops bot for that are destructive or administrative. When no
 * intent of the catalog uses such a verb, an utterance led by it is not a request we can serve, even
 * when it names one of our objects ("delete the web-app pipeline"): the NLU then answers with the
 * fallback intent rather than the nearest intent. A verb the catalog does use is only blocked when it
 * leads the request and no sample utterance opens with it ("*deploy* the hotfix", while "is the deploy
 * finished" is ours).
 */
export const UNOFFERED_ACTIONS: ReadonlySet<string> = new Set([
  'delete',
  'remove',
  'destroy',
  'terminate',
  'close',
  'drop',
  'wipe',
  'purge',
  'erase',
  'kill',
  'shut',
  'shutdown',
  'disable',
  'revoke',
  'grant',
  'restart',
  'reboot',
  'rollback',
  'revert',
  'scale',
  'merge',
  'nuke',
  'suspend',
  'increase',
  'decrease',
  'escalate',
  'page',
  'invite',
  'add',
  'rename',
  'pause',
  'move',
  'deploy',
  'redeploy',
  'deactivate',
  'cancel',
  'withdraw',
  'activate',
  'enable',
  'upgrade',
  'downgrade',
  'install',
]);

/**
 * Topics people bring to a chat-ops bot that a catalog like ours does not serve, by kind: money,
 * on-call and incidents, office and HR, IT support tickets, entertainment. An utterance that names one falls back, even
 * when it also names one of our objects ("how much did the etl pipeline cost", "who is on call for
 * payments-api"), unless the catalog's own wording uses the word (then it is ours, never blocked).
 * Words are compared as NLP.js English stems, so "costs", "billing" and "invoices" count too.
 */
export const UNSERVED_TOPICS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'money',
    [
      'cost',
      'bill',
      'billing',
      'invoice',
      'spend',
      'budget',
      'price',
      'expensive',
      'cheap',
      'charge',
      'refund',
      'savings',
    ],
  ],
  [
    'on-call',
    [
      'oncall',
      'pager',
      'pagerduty',
      'roster',
      'shift',
      'outage',
      'incident',
      'sev1',
      'sev2',
      'downtime',
      'postmortem',
      'escalation',
      'alert',
      'alarm',
    ],
  ],
  [
    'office',
    [
      'vacation',
      'holiday',
      'pto',
      'sick',
      'payroll',
      'salary',
      'bonus',
      'expense',
      'reimbursement',
      'timesheet',
      'desk',
      'chair',
      'laptop',
      'printer',
      'wifi',
      'badge',
      'parking',
      'meeting',
      'lunch',
      'coffee',
      'canteen',
    ],
  ],
  ['it-support', ['ticket', 'jira', 'helpdesk', 'servicenow']],
  [
    'entertainment',
    ['joke', 'funny', 'laugh', 'poem', 'song', 'story', 'riddle', 'weather', 'movie', 'music', 'game'],
  ],
]);

/**
 * Nouns so general that they name no thing of any domain ("one more *time*", "this *thing*"): the
 * out-of-domain gate never counts them as a thing the catalog does not know.
 */
export const GENERAL_NOUNS: ReadonlySet<string> = new Set([
  'thing',
  'things',
  'stuff',
  'time',
  'times',
  'way',
  'one',
  'ones',
  'bit',
  'lot',
  'moment',
  'minute',
  'second',
  'day',
  'today',
  'tomorrow',
  'yesterday',
  'week',
  'question',
  'questions',
  'idea',
  'someone',
  'something',
  'anything',
  'everything',
  'people',
  'folks',
  'guys',
  'team',
  'sec',
  'min',
]);
