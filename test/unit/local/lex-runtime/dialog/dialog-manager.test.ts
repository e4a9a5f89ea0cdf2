import type { LexCodeHookResponse } from '../../../../../handlers/lex/lex-event';
import { catalog } from '../../../../../intents/catalog';
import { toBotLocale } from '../../../../../intents/lex-definition';
import { CANCELLED_MESSAGE } from '../../../../../local/lex-runtime/dialog/dialog-manager';
import { LocalLexRuntime } from '../../../../../local/lex-runtime/local-lex-runtime';

type Event = {
  invocationSource: string;
  sessionState: {
    intent: { name: string; slots: Record<string, unknown>; confirmationState: string; state: string };
  };
  [key: string]: unknown;
};
type Answer = (event: Event) => LexCodeHookResponse | undefined;

/** A code hook that records events and delegates, unless `answer` returns something. */
function scriptedHook(answer: Answer = () => undefined) {
  const events: Event[] = [];
  const hook = async (raw: unknown): Promise<LexCodeHookResponse> => {
    const event = raw as Event;
    events.push(event);
    const scripted = answer(event);
    if (scripted) return scripted;
    const { name, slots, confirmationState } = event.sessionState.intent;
    if (event.invocationSource === 'FulfillmentCodeHook') {
      return {
        sessionState: {
          dialogAction: { type: 'Close' },
          intent: { name, slots, state: 'Fulfilled', confirmationState },
        },
        messages: [{ contentType: 'PlainText', content: `done ${name}` }],
      } as LexCodeHookResponse;
    }
    return {
      sessionState: {
        dialogAction: { type: 'Delegate' },
        intent: { name, slots, state: 'InProgress', confirmationState },
      },
    } as LexCodeHookResponse;
  };
  return { hook, events };
}

const key = (sessionId = 'session-1') => ({
  botId: 'CHATOPSBOT',
  botAliasId: 'TSTALIASID',
  localeId: 'en_US',
  sessionId,
});

async function runtimeWith(answer?: Answer) {
  const { hook, events } = scriptedHook(answer);
  const runtime = await LocalLexRuntime.create({ botLocale: toBotLocale(catalog), codeHook: hook });
  const say = (text: string, sessionId?: string, requestAttributes?: Record<string, string>) =>
    runtime.recognizeText(key(sessionId), { text, ...(requestAttributes ? { requestAttributes } : {}) });
  return { runtime, events, say };
}

describe('DialogManager', () => {
  it('sends the dialog hook a Lex V2 Lambda event with proposedNextState and numeric nluConfidence', async () => {
    // Prepare
    const { events, say } = await runtimeWith();

    // Act
    await say('I need a new AWS account', 'session-1', { 'chatops:slackUserId': 'UALICE0001' });

    // Assess
    expect(events[0]).toMatchObject({
      messageVersion: '1.0',
      invocationSource: 'DialogCodeHook',
      inputMode: 'Text',
      responseContentType: 'text/plain; charset=utf-8',
      sessionId: 'session-1',
      inputTranscript: 'I need a new AWS account',
      bot: { id: 'CHATOPSBOT', aliasId: 'TSTALIASID', localeId: 'en_US' },
      requestAttributes: { 'chatops:slackUserId': 'UALICE0001' },
      proposedNextState: {
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'AccountName' },
        prompt: { attempt: 'Initial' },
      },
      sessionState: {
        intent: {
          name: 'VendAccount',
          state: 'InProgress',
          confirmationState: 'None',
          slots: { AccountName: null },
        },
      },
    });
    const interpretations = (events[0]?.interpretations ?? []) as { nluConfidence: unknown }[];
    expect(interpretations[0]?.nluConfidence).toBe(1);
  });

  it('elicits by priority, re-prompts with the retry prompt and gives up to the fallback intent after MaxRetries', async () => {
    // Prepare
    const { events, say } = await runtimeWith();
    await say('create an account called data-lab for dana@example.com in Workloads');

    // Act
    const first = await say('banana');
    const second = await say('kiwi');
    const third = await say('mango');

    // Assess
    expect(first.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountType' });
    expect(first.messages?.[0]?.content).toBe('Please answer Sandbox or Production.');
    expect(second.messages?.[0]?.content).toBe('Please answer Sandbox or Production.');
    expect(third.sessionState.intent?.name).toBe('FallbackIntent');
    expect(third.messages?.[0]?.content).toBe('done FallbackIntent');
    expect(events.at(-1)?.invocationSource).toBe('FulfillmentCodeHook');
  });

  it('confirms with the slot values filled in, then fulfils through the fulfillment hook', async () => {
    // Prepare
    const { events, say } = await runtimeWith();
    const asked = await say('rotate the access key for ci-deployer');

    // Act
    const done = await say('yep');

    // Assess
    expect(asked.sessionState.dialogAction?.type).toBe('ConfirmIntent');
    expect(asked.messages?.[0]?.content).toMatch(/^Rotate the access key of IAM user ci-deployer\?/);
    expect(events.at(-1)).toMatchObject({
      invocationSource: 'FulfillmentCodeHook',
      sessionState: { intent: { confirmationState: 'Confirmed', state: 'ReadyForFulfillment' } },
    });
    expect(done.sessionState.intent).toMatchObject({ name: 'RotateAccessKey', state: 'Fulfilled' });
    expect(done.messages?.[0]?.content).toBe('done RotateAccessKey');
  });

  it('closes a denied confirmation with the declination response', async () => {
    // Prepare
    const { say } = await runtimeWith();
    await say('rotate the access key for ci-deployer');

    // Act
    const denied = await say('no');

    // Assess
    expect(denied.sessionState.dialogAction?.type).toBe('Close');
    expect(denied.sessionState.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(denied.messages?.[0]?.content).toBe('OK, I will not rotate the key.');
  });

  it('cancels an active dialog on "never mind"', async () => {
    // Prepare
    const { say } = await runtimeWith();
    await say('I need a new AWS account');

    // Act
    const cancelled = await say('never mind');

    // Assess
    expect(cancelled.sessionState.dialogAction?.type).toBe('Close');
    expect(cancelled.sessionState.intent).toMatchObject({ name: 'VendAccount', state: 'Failed' });
    expect(cancelled.messages?.[0]?.content).toBe(CANCELLED_MESSAGE);
  });

  it('switches intent when the reply to a slot prompt is clearly another request', async () => {
    // Prepare
    const { say } = await runtimeWith();
    await say('I need a new AWS account');

    // Act
    const switched = await say('status of pipeline web-app');

    // Assess
    expect(switched.sessionState.intent).toMatchObject({ name: 'PipelineStatus', state: 'Fulfilled' });
    expect(switched.interpretations[0]?.intent.name).toBe('PipelineStatus');
  });

  it('honours an ElicitSlot with a message from the dialog hook and keeps its session attributes', async () => {
    // Prepare
    const { events, say } = await runtimeWith((event) => {
      const { name, slots } = event.sessionState.intent;
      if (event.invocationSource !== 'DialogCodeHook' || !slots.PipelineName) return undefined;
      return {
        sessionState: {
          sessionAttributes: { checked: 'nope-line' },
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'PipelineName' },
          intent: { name, slots: { PipelineName: null }, state: 'InProgress' },
        },
        messages: [{ contentType: 'PlainText', content: 'There is no pipeline nope-line. Which pipeline?' }],
      };
    });

    // Act
    const reprompt = await say('how is nope-line doing');
    const again = await say('what is the weather');
    await say('web-app');

    // Assess
    expect(reprompt.messages?.[0]?.content).toBe('There is no pipeline nope-line. Which pipeline?');
    expect(reprompt.sessionState).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'PipelineName' },
      sessionAttributes: { checked: 'nope-line' },
    });
    expect(again.messages?.[0]?.content).toBe('Please give a pipeline name, e.g. web-app.');
    expect(events.at(-1)?.sessionState).toMatchObject({ sessionAttributes: { checked: 'nope-line' } });
  });

  it('turns a throwing code hook into a DependencyFailedException', async () => {
    // Prepare
    const { say } = await runtimeWith(() => {
      throw new Error('boom');
    });

    // Act
    const act = say('help');

    // Assess
    await expect(act).rejects.toMatchObject({ errorType: 'DependencyFailedException', httpStatus: 424 });
  });

  it('drops the intent when the hook answers ElicitIntent', async () => {
    // Prepare
    const { say } = await runtimeWith(() => ({
      sessionState: { dialogAction: { type: 'ElicitIntent' } },
      messages: [{ contentType: 'PlainText', content: 'What else?' }],
    }));

    // Act
    const result = await say('help');

    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(result.sessionState.intent).toBeUndefined();
    expect(result.messages?.[0]?.content).toBe('What else?');
  });
});
