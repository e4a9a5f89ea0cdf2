import {
  LexRuntimeV2Client,
  RecognizeTextCommand,
  ThrottlingException,
} from '@aws-sdk/client-lex-runtime-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { EMPTY_UTTERANCE, TOO_LONG } from '../../../../bot/conversation/conversation.service';
import { REQUEST_ATTRIBUTE_KEYS } from '../../../../handlers/lex/request-attributes';
import { lexFixtures } from '../support/lex-fixtures';
import { homeTurn, sandboxClick, utteranceTurn, wiredRunner } from '../support/turns';

const lex = mockClient(LexRuntimeV2Client);
afterEach(() => lex.reset());

const lexInput = (i = 0) => lex.commandCalls(RecognizeTextCommand)[i]?.args[0].input;

describe('ConversationService (through the turn runner)', () => {
  it('sends the verified identity and session to Lex and posts the reply with Yes/No buttons', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);

    // Act
    await runner.run(utteranceTurn({ text: 'yes please' }));

    // Assess
    const input = lexInput();
    expect(input?.sessionId).toBe('T0SANDBOX:DALICE0001:UALICE0001');
    expect(input?.text).toBe('yes please');
    expect(input?.requestAttributes).toMatchObject({
      [REQUEST_ATTRIBUTE_KEYS.userId]: 'UALICE0001',
      [REQUEST_ATTRIBUTE_KEYS.teamId]: 'T0SANDBOX',
      [REQUEST_ATTRIBUTE_KEYS.channelId]: 'DALICE0001',
      [REQUEST_ATTRIBUTE_KEYS.userEmail]: 'alice@example.com',
      [REQUEST_ATTRIBUTE_KEYS.userName]: 'Alice Example',
      [REQUEST_ATTRIBUTE_KEYS.turnId]: 'evt:Ev0001',
    });
    const posted = slack.of('postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]?.channel).toBe('DALICE0001');
    expect(JSON.stringify(posted[0]?.blocks)).toContain('lex_confirm_yes');
  });

  it('keeps a mention conversation in its thread, with the thread in the session id', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);
    const turn = utteranceTurn({
      source: 'app_mention',
      channelId: 'C0DEPLOYS',
      sessionThreadTs: '1700000100.000200',
      replyThreadTs: '1700000100.000200',
    });

    // Act
    await runner.run(turn);

    // Assess
    expect(lexInput()?.sessionId).toBe('T0SANDBOX:C0DEPLOYS:UALICE0001:1700000100.000200');
    expect(lexInput()?.requestAttributes?.[REQUEST_ATTRIBUTE_KEYS.threadTs]).toBe('1700000100.000200');
    expect(slack.of('postMessage')[0]).toMatchObject({ channel: 'C0DEPLOYS', threadTs: '1700000100.000200' });
  });

  it('closes the clicked message before answering, so it cannot be clicked again', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);
    const clicked = sandboxClick();

    // Act
    await runner.run(utteranceTurn({ source: 'block_actions', text: 'Sandbox', clicked }));

    // Assess
    // The first thing written to Slack (look-ups such as the membership check's users.info aside).
    const lookups = new Set(['userProfile', 'userGroupMembers']);
    const writes = slack.calls.map((c) => c.method).filter((m) => !lookups.has(m));
    expect(writes.slice(0, 1)).toEqual(['updateMessage']);
    const update = slack.of('updateMessage')[0];
    expect(update).toMatchObject({ channel: 'DALICE0001', ts: '1700000001.000001' });
    expect(JSON.stringify(update?.blocks)).not.toContain('"actions"');
    expect(JSON.stringify(update?.blocks)).toContain('chose *Sandbox*');
  });

  it('continues a slash-command conversation in the user’s DM', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);

    // Act
    await runner.run(utteranceTurn({ source: 'slash_command', channelId: 'C0DEPLOYS', replyInDm: true }));

    // Assess
    expect(slack.of('openDm')).toEqual([{ userId: 'UALICE0001' }]);
    expect(lexInput()?.sessionId).toBe('T0SANDBOX:DALICE0001:UALICE0001');
    expect(slack.of('postMessage')[0]?.channel).toBe('DALICE0001');
  });

  it('tells the user ephemerally, and specifically, when Lex is throttling', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    lex.on(RecognizeTextCommand).rejects(new ThrottlingException({ message: 'x', $metadata: {} }));

    // Act
    await runner.run(utteranceTurn());

    // Assess
    expect(slack.of('postMessage')).toHaveLength(0);
    expect(slack.of('postEphemeral')[0]).toMatchObject({ user: 'UALICE0001', channel: 'DALICE0001' });
    expect(String(slack.of('postEphemeral')[0]?.text)).toMatch(/Lex is busy/);
  });

  it('does not call Lex for empty or over-long text', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run(utteranceTurn({ text: '' }));
    await runner.run(utteranceTurn({ id: 'evt:2', text: 'x'.repeat(1025) }));

    // Assess
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(0);
    expect(slack.of('postEphemeral').map((c) => c.text)).toEqual([EMPTY_UTTERANCE, TOO_LONG]);
  });

  it('puts a long answer in a thread under a short summary', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    const long = Array.from({ length: 20 }, (_, i) => `Stage ${i}: ok`).join('\n');
    lex.on(RecognizeTextCommand).resolves({ messages: [{ content: long, contentType: 'PlainText' }] });

    // Act
    await runner.run(utteranceTurn({ text: 'status of web-app' }));

    // Assess
    const [head, full] = slack.of('postMessage');
    expect(head?.text).toBe('Stage 0: ok');
    expect(full).toMatchObject({ text: long, threadTs: '1700000500.000001' });
  });

  it('refreshes App Home when a tracked request was filed', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    lex.on(RecognizeTextCommand).resolves(lexFixtures.closeFulfilled);

    // Act
    await runner.run(utteranceTurn({ text: 'yes' }));

    // Assess
    expect(slack.of('publishHome').map((c) => c.userId)).toEqual(['UALICE0001']);
  });

  it('debounces App Home refreshes per user: one publish for a burst, sent by the delay or a flush', async () => {
    // Prepare
    jest.useFakeTimers();
    const { slack, runner } = wiredRunner({ homeRefreshDelayMs: 2_000 });
    lex.on(RecognizeTextCommand).resolves(lexFixtures.closeFulfilled);

    try {
      // Act
      await runner.run(utteranceTurn({ id: 'evt:Ev0001', text: 'yes' }));
      await runner.run(utteranceTurn({ id: 'evt:Ev0002', text: 'yes' }));
      const beforeDelay = slack.of('publishHome').length;
      await jest.advanceTimersByTimeAsync(2_000);
      const afterDelay = slack.of('publishHome').length;
      await runner.run(utteranceTurn({ id: 'evt:Ev0003', text: 'yes' }));
      await runner.flushHomes();

      // Assess
      expect(slack.of('postMessage')).toHaveLength(3);
      expect(beforeDelay).toBe(0);
      expect(afterDelay).toBe(1);
      expect(slack.of('publishHome').map((c) => c.userId)).toEqual(['UALICE0001', 'UALICE0001']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('publishes App Home at once when the user opens it, even with refreshes debounced', async () => {
    // Prepare
    const { slack, runner } = wiredRunner({ homeRefreshDelayMs: 60_000 });

    // Act
    await runner.run(homeTurn('UALICE0001'));

    // Assess
    expect(slack.of('publishHome').map((c) => c.userId)).toEqual(['UALICE0001']);
  });

  it('still answers when users.info fails, with ids only', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();
    slack.down.add('userProfile');
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);

    // Act
    await runner.run(utteranceTurn());

    // Assess
    expect(lexInput()?.requestAttributes?.[REQUEST_ATTRIBUTE_KEYS.userEmail]).toBeUndefined();
    // Unknown membership is signed as unknown (no guest flag), so the code hook refuses changes.
    expect(lexInput()?.requestAttributes?.[REQUEST_ATTRIBUTE_KEYS.guest]).toBeUndefined();
    expect(slack.of('postMessage')).toHaveLength(1);
  });
});
