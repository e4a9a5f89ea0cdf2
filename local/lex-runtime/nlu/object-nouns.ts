/**
 * The things an utterance names: its nouns, as tagged by `wink-pos-tagger` (MIT, winkjs, pure JS,
 * offline, ~0.1 ms a sentence). The out-of-domain gate uses them: a sentence that names a thing no
 * text of the catalog uses ("create an s3 *bucket*", "restart the api *server*", "open a support
 * *case*") is about something the bot does not manage, unless it also names what the intent acts on.
 * An unknown verb or adverb ("did my deploy *succeed*", "my creds *leaked*") says nothing of the kind.
 *
 * Only the tagging comes from the library; which nouns count is decided here.
 */
import PosTagger from 'wink-pos-tagger';
import { GENERAL_NOUNS } from './off-domain-lexicon';

const tagger = new PosTagger();
const NOUN = /^NNS?$/;

/**
 * Lower-case words of `text` tagged as common nouns (NN, NNS), general ones ("time", "thing") aside:
 * a proper noun ("github", "stripe") is as often a name as a thing.
 */
export function nounsOf(text: string): Set<string> {
  return new Set(
    tagger
      .tagSentence(text)
      .filter((t) => t.tag === 'word' && NOUN.test(t.pos))
      .map((t) => t.value.toLowerCase())
      .filter((w) => !GENERAL_NOUNS.has(w)),
  );
}
