/**
 * The little general-English knowledge the local NLU needs beyond the catalog: chat-speak spellings
 * ("u", "pls", "thx") and small talk (greetings, thanks, goodbyes); the operations and topics a
 * catalog may not serve are in off-domain-lexicon.ts.
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
  ['turn off', 'disable'],
  ['switch off', 'disable'],
  ['turn on', 'enable'],
  ['switch on', 'enable'],
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
  'cool',
  'great',
  'nice',
  'awesome',
  'perfect',
  'brilliant',
]);

/** Replies that answer a question ("no", "ok"): never a request of their own, whatever a slot lists. */
export const BARE_REPLIES: ReadonlySet<string> = new Set([
  'yes',
  'no',
  'ok',
  'okay',
  'yep',
  'yeah',
  'nope',
  'nah',
  'sure',
]);

/**
 * Words before the action of a request ("please can you …", "I would like to …", "hey, let's …"):
 * skipped when looking for the verb a request opens with.
 */
export const LEAD_IN_WORDS: ReadonlySet<string> = new Set([
  'please',
  'can',
  'could',
  'would',
  'will',
  'you',
  'i',
  'we',
  'want',
  'need',
  'like',
  'to',
  'just',
  'kindly',
  'hey',
  'hi',
  'ok',
  'so',
  'now',
  'go',
  'ahead',
  'and',
  'd',
  'let',
  's',
  'us',
]);
