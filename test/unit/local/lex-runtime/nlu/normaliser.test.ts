import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { compileBotModel } from '../../../../../local/lex-runtime/bot-model';
import { Normaliser } from '../../../../../local/lex-runtime/nlu/normaliser';

const normaliser = new Normaliser(compileBotModel(toBotLocale(catalog)));

describe('Normaliser', () => {
  it.each([
    ['craete an accuont', 'create an account'],
    ['roatte my keys', 'rotate my keys'],
    ['pipelne status', 'pipeline status'],
    ['chekc my reqest', 'check my request'],
    ['acess key rotaton', 'access key rotation'],
    ['what happend to my request', 'what happened to my request'],
  ])('corrects swapped, dropped and doubled letters in catalog words: %s', (typed, expected) => {
    // Prepare
    const text = typed;

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe(expected);
  });

  it('expands chat-speak and shortenings of catalog words', () => {
    // Prepare
    const text = 'can u chk the pipe for ur acct pls';

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe('can you check the pipeline for your account please');
  });

  it('leaves real English words that are one letter away from a catalog word alone', () => {
    // Prepare
    const text = 'what is the stock price of the coffee shop';

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe(text);
  });

  it.each([
    'create an account for dana.smith@example.com',
    'rotate the key of ci-deployer',
    'status of REQ-5G8H3N7Q',
    'status of req5g8h3n7q',
    'put it in ou-wkl1-22222222',
    'is payments-api green',
    'create an account called data-lab',
  ])('never touches a value: %s', (typed) => {
    // Prepare
    const text = typed;

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe(text);
  });

  it('keeps names as typed: a possessive, a capitalised word, the word after a name cue', () => {
    // Prepare
    const texts = [
      "rotate carol's key",
      'rotate the key of Ahmet',
      'rotate keys for user alcie',
      'create one called acount',
    ];

    // Act
    const results = texts.map((t) => normaliser.normalise(t).text);

    // Assess
    expect(results).toEqual(texts);
  });

  it('recognises small talk alone, whatever its kind', () => {
    // Prepare
    const texts = ['hiya', 'good evening', 'thx!', 'cheers mate', 'thank you so much', 'see ya'];

    // Act
    const kinds = texts.map((t) => normaliser.normalise(t).smallTalk);

    // Assess
    expect(kinds).toEqual(['greeting', 'greeting', 'thanks', 'thanks', 'thanks', 'goodbye']);
  });

  it('drops a greeting before a request and thanks after it, and marks neither as small talk', () => {
    // Prepare
    const text = 'hey there, rotate my key thx';

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result).toEqual({ text: 'rotate my key' });
  });

  it('flags an operation no intent offers, but not a verb the catalog uses', () => {
    // Prepare
    const texts = ['delete the web-app pipeline', 'rotate the web-app key'];

    // Act
    const flags = texts.map((t) => normaliser.normalise(t).unoffered);

    // Assess
    expect(flags).toEqual(['delete', undefined]);
  });

  it('flags a misspelt operation we do not offer, never a word a changed letter away or an inflection', () => {
    // Prepare
    const texts = [
      'delet the search-api pipeline',
      'termniate the search-api service',
      'list stale keys',
      'deleted',
    ];

    // Act
    const flags = texts.map((t) => normaliser.normalise(t).unoffered);

    // Assess
    expect(flags).toEqual(['delete', 'terminate', undefined, undefined]);
  });

  it.each([
    ['what time is the all hands tomorrow', 'all-hands'],
    ['is prod down', 'down'],
    ['merge my pull request', 'pr'],
    ['scale the checkout pods', 'pods'],
    ['how much did the etl pipeline cost last month', 'cost'],
    ['who is on call for payments-api', 'oncall'],
    ['can I book my vacation here', 'vacation'],
    ['tell me a funny joke', 'funny'],
  ])('flags a topic the catalog does not serve: %s', (typed, topic) => {
    // Prepare
    const text = typed;

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.offTopic).toBe(topic);
  });

  it("never flags a topic word that the catalog's own wording uses", () => {
    // Prepare
    const locale = structuredClone(toBotLocale(catalog));
    const status = locale.Intents?.find((i) => i.Name === 'PipelineStatus');
    status?.SampleUtterances?.push({ Utterance: 'what does {PipelineName} cost' });
    const own = new Normaliser(compileBotModel(locale));

    // Act
    const flag = own.normalise('how much does web-app cost').offTopic;

    // Assess
    expect(flag).toBeUndefined();
  });

  it('joins a hyphenated spelling of a catalog word, never a hyphenated value', () => {
    // Prepare
    const text = 're-run web-app';

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe('rerun web-app');
  });

  it("reads contractions as plain words, never as a possessive name: how's, what's, don't", () => {
    // Prepare
    const texts = ["how's my pipline doing", "what's up with web-app", "I don't know", "rotate carol's key"];

    // Act
    const results = texts.map((t) => normaliser.normalise(t).text);

    // Assess
    expect(results).toEqual([
      'how is my pipeline doing',
      'what is up with web-app',
      'I do not know',
      "rotate carol's key",
    ]);
  });

  it('never expands a word of the lexicon into a catalog word: "add" is no shortening of address', () => {
    // Prepare
    const text = 'add alice to the approvers group';

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe(text);
    expect(result.unoffered).toBe('add');
  });

  it.each([
    ['what cn u do', 'what can you do'],
    ['did my build go thru', 'did my build go through'],
  ])('expands more chat-speak: %s', (typed, expected) => {
    // Prepare
    const text = typed;

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe(expected);
  });

  it('drops a greeting and whom it greets, never the first word of the question after it', () => {
    // Prepare
    const texts = ['Hello, is the web-app pipeline green?', 'hi team, is REQ-5G8H3N7Q done'];

    // Act
    const results = texts.map((t) => normaliser.normalise(t).text);

    // Assess
    expect(results).toEqual(['is the web-app pipeline green?', 'is REQ-5G8H3N7Q done']);
  });

  it('reads a dropped letter of a long small-talk word and a verb typed apart from its prefix', () => {
    // Prepare
    const texts = ['mornin', 'evenin all', 're run the failed build', 'rotate em'];

    // Act
    const results = texts.map((t) => normaliser.normalise(t));

    // Assess
    expect(results.map((r) => r.smallTalk)).toEqual(['greeting', 'greeting', undefined, undefined]);
    expect(results.slice(2).map((r) => r.text)).toEqual(['rerun the failed build', 'rotate them']);
  });

  it.each(["how's it going", 'hiya whats up', 'hello? anyone there?', 'ty bot ur the best'])(
    'reads a phrase of small talk as small talk: %s',
    (typed) => {
      // Act
      const result = normaliser.normalise(typed);

      // Assess
      expect(result.smallTalk).toBeDefined();
    },
  );

  it.each(['gm', 'heyo', 'hola all'])('reads a greeting as small talk: %s', (typed) => {
    // Prepare
    const text = typed;

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.smallTalk).toBe('greeting');
  });

  it('never turns a word of the same family into a catalog word (experiments is not experimental)', () => {
    // Prepare
    const text = 'an account for experiments';

    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.text).toBe('an account for experiments');
  });

  it('corrects a swapped-letter catalog word after a value cue, but keeps a name there as typed', () => {
    // Prepare
    const typos = 'etl pipeline stauts';
    const name = 'pipeline stuats-api and user alcie';

    // Act
    const corrected = normaliser.normalise(typos);
    const kept = normaliser.normalise(name);

    // Assess
    expect(corrected.text).toBe('etl pipeline status');
    expect(kept.text).toBe('pipeline stuats-api and user alcie');
  });

  it.each([
    ['show me page three', 'show me page three'],
    ['who won the match', 'who won the match'],
    ['retry the stage that broke', 'retry the stage that broken'],
    ['are the builds green', 'are the build green'],
  ])(
    'never corrects an English word into another one, but reads a plural as its catalog singular: %s',
    (typed, expected) => {
      // Act
      const result = normaliser.normalise(typed);

      // Assess
      expect(result.text).toBe(expected);
    },
  );

  it('expands chat-speak after a value cue instead of keeping it as a name', () => {
    // Act
    const result = normaliser.normalise('rotate ur key asap');

    // Assess
    expect(result.text).toBe('rotate your key');
  });

  it('expands the common shortenings req and acc, but never inside a request id', () => {
    // Act
    const result = normaliser.normalise('req status of req-5g8h3n7q for my new acc');

    // Assess
    expect(result.text).toBe('request status of req-5g8h3n7q for my new account');
  });

  it.each([
    [
      'Could you set up a new account for my team? The other group asked us to move out, so it is time.',
      undefined,
    ],
    ['bob left the company last week, please delete his IAM user', 'delete'],
    ['alice is on leave, but could you just disable her access key', 'disable'],
  ])('in a longer message flags only an operation that leads its clause: %s', (text, verb) => {
    // Act
    const result = normaliser.normalise(text);

    // Assess
    expect(result.unoffered).toBe(verb);
  });

  it('drops thanks in advance after a request like any thanks', () => {
    // Act
    const result = normaliser.normalise('rotate my key, thanks in advance');

    // Assess
    expect(result.text).toBe('rotate my key,');
  });
});
