/**
 * Evidence that an utterance is about one intent: the intent's domain words, learnt from its sample
 * utterances, its slots' sample utterances and its slot values. A word counts by how specific it is
 * to the intent (its share of the word's occurrences across intents: "rotate" is all
 * RotateAccessKey's, "status" half PipelineStatus' and half RequestStatus'), so a sentence that only
 * shares generic words with an intent ("how much did we spend on aws") carries too little evidence
 * and falls back. Words are compared as NLP.js English stems.
 *
 * Hand-written: NLP.js' classifier has no notion of "evidence for this intent" beyond its score,
 * which it spreads over the known intents even for sentences that are about none of them.
 */
import type { BotModel, IntentModel } from '../bot-model';
import { LEAD_IN_WORDS } from './chat-lexicon';
import { isStopword, nameWords, stem, tokenize } from './text';
import { localeTexts } from './vocabulary';

/** Distinct content stems of a text (letters-only words that are not stop words). */
export function contentStems(text: string): string[] {
  const words = tokenize(text.replace(/\{\w+\}/g, ' ')).map((t) => t.lower);
  return [...new Set(words.filter((w) => /^\p{L}{2,}$/u.test(w) && !isStopword(w)).map(stem))];
}

/**
 * An intent's texts: its sample utterances, its slots' and their one-word values and synonyms. A
 * value of several words ("green light", "sign off") is evidence as a whole (the slot extractor finds
 * it), never word by word: "turn off the light" is not an approval.
 */
function intentTexts(intent: IntentModel): string[] {
  return [
    ...intent.utterances,
    ...intent.slots.flatMap((s) => [
      ...s.sampleUtterances,
      ...s.type.values.flatMap((v) => [v.value, ...v.synonyms]).filter((v) => !/\s/.test(v.trim())),
    ]),
  ];
}

/** Words of `texts` whose stem is one of `named` and which the texts never use in the plural. */
function singularOnly(texts: readonly string[], named: ReadonlySet<string>): Set<string> {
  const used = new Set(texts.flatMap((t) => tokenize(t.replace(/\{\w+\}/g, ' ')).map((k) => k.lower)));
  const plural = (w: string) => used.has(`${w}s`) || used.has(`${w}es`) || w.endsWith('s');
  return new Set([...used].filter((w) => /^\p{L}{3,}$/u.test(w) && named.has(stem(w)) && !plural(w)));
}

/** How many of one intent's samples must open with a word for it to be that intent's action. */
const ACTION_USES = 2;

/** Stem of the first word of `text` after any lead-in, when it is a plain word. */
function leadStem(text: string): string | undefined {
  const first = tokenize(text.replace(/\{\w+\}/g, ' ')).find((t) => !LEAD_IN_WORDS.has(t.lower));
  return first && /^\p{L}{2,}$/u.test(first.lower) && !isStopword(first.lower)
    ? stem(first.lower)
    : undefined;
}

/** `RotateAccessKey` → "rotate access key". */
const splitName = (name: string) => nameWords(name).join(' ');

/** Stems of the words of an intent's name and its slots' names (`RotateAccessKey` → rotat, access, key). */
function nameStems(intent: IntentModel): string[] {
  return contentStems([intent.name, ...intent.slots.map((s) => s.name)].map(splitName).join(' '));
}

/** Per-intent domain words of one bot locale. */
export class DomainEvidence {
  /** Stem → intent → number of the intent's texts that use it. */
  private readonly counts = new Map<string, Map<string, number>>();
  /** Stems of every text of the locale, prompts included. */
  private readonly known: ReadonlySet<string>;
  /**
   * Intent → its anchor stems: the words of its name, which say what it does and what it acts on
   * (`RetryPipelineStage`: retry, pipeline, stage). Words that merely recur in its samples ("create",
   * "new", "access", "old") are no anchor: "create an s3 bucket" and "give me admin access" use them too.
   */
  private readonly anchors = new Map<string, ReadonlySet<string>>();
  /** Intent → words of its names that its texts only use in the singular ("account": VendAccount makes one). */
  private readonly singular = new Map<string, ReadonlySet<string>>();

  /** Every intent's anchors together. */
  private readonly allAnchors: ReadonlySet<string>;

  /** Stem of a word an intent's sample utterances open with ("create", "rotate") → intent → how many. */
  private readonly leads = new Map<string, Map<string, number>>();

  constructor(model: BotModel) {
    // The parts of hyphenated values are words of the locale too ("payments" of payments-api).
    this.known = new Set(localeTexts(model).flatMap((t) => contentStems(t.replace(/[-_]/g, ' '))));
    for (const intent of model.intents.filter((i) => !i.isFallback)) {
      for (const text of intentTexts(intent)) {
        for (const s of contentStems(text)) {
          const byIntent = this.counts.get(s) ?? new Map<string, number>();
          byIntent.set(intent.name, (byIntent.get(intent.name) ?? 0) + 1);
          this.counts.set(s, byIntent);
        }
      }
      const named = new Set(nameStems(intent));
      this.anchors.set(intent.name, new Set(contentStems(splitName(intent.name))));
      for (const utterance of intent.utterances) {
        const lead = leadStem(utterance);
        const by = lead ? (this.leads.get(lead) ?? new Map<string, number>()) : undefined;
        if (lead && by) this.leads.set(lead, by.set(intent.name, (by.get(intent.name) ?? 0) + 1));
      }
      this.singular.set(intent.name, singularOnly(intentTexts(intent), named));
    }
    this.allAnchors = new Set([...this.anchors.values()].flatMap((a) => [...a]));
  }

  /** Sum over the text's content stems of their specificity to `intent` (0 when none is its). */
  score(intent: string, stems: readonly string[]): number {
    let score = 0;
    for (const s of stems) {
      const byIntent = this.counts.get(s);
      if (!byIntent) continue;
      const total = [...byIntent.values()].reduce((a, b) => a + b, 0);
      score += (byIntent.get(intent) ?? 0) / total;
    }
    return score;
  }

  /** Whether one of `stems` is a word of the intent's name ("pipelines", "key"). */
  anchored(intent: string, stems: readonly string[]): boolean {
    const anchors = this.anchors.get(intent);
    return stems.some((s) => anchors?.has(s));
  }

  /** The words the intent names in the singular only ("account", "pipeline"). */
  singularWords(intent: string): string[] {
    return [...(this.singular.get(intent) ?? [])];
  }

  /**
   * Whether the utterance names one of the intent's singular-only words in the plural alone ("show
   * me all accounts", "retry all pipelines"): a question about many such things is not this intent's.
   * The plural may be in what was typed or in its normalised form; the singular must not be typed.
   */
  pluralOnly(intent: string, typed: string, normalised: string): boolean {
    const singular = this.singular.get(intent);
    if (!singular?.size) return false;
    const typedWords = new Set(tokenize(typed).map((k) => k.lower));
    const words = new Set([...typedWords, ...tokenize(normalised).map((k) => k.lower)]);
    const plural = (w: string) => words.has(`${w}s`) || words.has(`${w}es`);
    return [...singular].some((w) => plural(w) && !typedWords.has(w));
  }

  /**
   * Whether `text` opens with the action of other intents only ("*create* a new pipeline": VendAccount
   * creates, PipelineStatus never does): a word other intents' samples open with and no text of this
   * intent uses. The catalog's own object words ("pipeline status") are no action.
   */
  otherAction(intent: string, text: string): boolean {
    const lead = leadStem(text);
    const by = lead ? this.leads.get(lead) : undefined;
    if (!lead || !by || by.size !== 1 || by.has(intent) || this.isAnchor(lead)) return false;
    const [uses = 0] = by.values();
    return uses >= ACTION_USES && !(this.counts.get(lead)?.has(intent) ?? false);
  }

  private isAnchor(s: string): boolean {
    return this.allAnchors.has(s);
  }

  /** The stems among `stems` that no text of the locale uses (neither wording, values nor prompts). */
  unknown(stems: readonly string[]): string[] {
    return stems.filter((s) => !this.known.has(s));
  }
}
