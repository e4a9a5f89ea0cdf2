/**
 * What the catalog's own wording says about actions, for the engine's reading of a request (nlu-engine.ts):
 * the verbs intents are named after (`RotateAccessKey`: rotate), the operations we do not offer that
 * some samples still ask for on one thing ("change the access key of {UserName}"), and the words of
 * slot names no intent's name uses (ou, email, user). All derived from the bot locale, so a new
 * intent brings its own.
 *
 * Hand-written: these are facts about our catalog's shape, which no NLU library models.
 */
import type { BotModel } from '../bot-model';
import { LEAD_IN_WORDS } from './chat-lexicon';
import { contentStems } from './domain-evidence';
import { UNOFFERED_ACTIONS } from './off-domain-lexicon';
import { slotIdPrefix, slotNameWords } from './slot-cues';
import { DETERMINERS, nameWords, stem, tokenize } from './text';

/** "a new X called", "an X named": the thing X that a name is given to. */
export const NEW_NAMED_THING =
  /\b(?:a|an)\s+(?:(?:brand\s+)?new\s+)?((?:\w+\s+){0,1}\w+)\s+(?:called|named)\b/i;

/** Stems of the words of slot names (and their initials) that no intent's name uses: ou, unit, email, user. */
export function slotWordsOf(model: BotModel): Set<string> {
  const named = new Set(model.intents.flatMap((i) => nameWords(i.name).map(stem)));
  const words = model.intents.flatMap((i) =>
    i.slots.flatMap((s) => [...slotNameWords(s), slotIdPrefix(s) ?? '']),
  );
  return new Set(
    words
      .filter(Boolean)
      .map(stem)
      .filter((w) => !named.has(w) && w !== 'name'),
  );
}

/** The first word of `text` after any lead-in ("could you please *rotate* it"), and the word after it. */
export function leadWords(text: string): [string | undefined, string | undefined] {
  const tokens = tokenize(text);
  const at = tokens.findIndex((t) => !LEAD_IN_WORDS.has(t.lower));
  return at < 0 ? [undefined, undefined] : [tokens[at]?.lower, tokens[at + 1]?.lower];
}

/** The first word of `text` after any lead-in ("could you please *rotate* it"). */
export function leadWord(text: string): string | undefined {
  return leadWords(text)[0];
}

/**
 * Verb → intent, for the verbs intents are named after (`RotateAccessKey`: rotate, `RetryPipelineStage`:
 * retry) that open that intent's samples and no other intent's ("request" opens both "request an AWS
 * account" and "request status": no such verb).
 */
export function nameVerbsOf(model: BotModel): Map<string, string> {
  const leads = new Map<string, Set<string>>();
  for (const intent of model.intents)
    for (const u of intent.utterances) {
      const first = tokenize(u)[0]?.lower;
      if (first) leads.set(first, (leads.get(first) ?? new Set()).add(intent.name));
    }
  const verbs = new Map<string, string>();
  for (const intent of model.intents) {
    // A name of one word ("Help") names no action on a thing.
    const [first, ...rest] = nameWords(intent.name);
    const verb = rest.length > 0 ? (first ?? '') : '';
    const by = leads.get(verb);
    if (by?.size === 1 && by.has(intent.name)) verbs.set(verb, intent.name);
  }
  return verbs;
}

/** An operation we do not offer that some samples still ask for: their intents and content words. */
export interface NarrowVerb {
  intents: Set<string>;
  stems: Set<string>;
}

/**
 * The verbs of UNOFFERED_ACTIONS that sample utterances open with as a verb, before an object's
 * determiner ("change *the* access key of {UserName}"; "page {Page} of the pipelines" is a noun).
 */
export function narrowVerbsOf(model: BotModel): Map<string, NarrowVerb> {
  const verbs = new Map<string, NarrowVerb>();
  for (const intent of model.intents) {
    for (const utterance of intent.utterances) {
      const [verb, next] = tokenize(utterance);
      if (!verb || !next || !UNOFFERED_ACTIONS.has(verb.lower) || !DETERMINERS.has(next.lower)) continue;
      const entry = verbs.get(verb.lower) ?? { intents: new Set<string>(), stems: new Set<string>() };
      entry.intents.add(intent.name);
      for (const s of contentStems(utterance)) if (s !== stem(verb.lower)) entry.stems.add(s);
      verbs.set(verb.lower, entry);
    }
  }
  return verbs;
}
