import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { ChangeMessageVisibilityCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import 'aws-sdk-client-mock-jest';
import { mockClient } from 'aws-sdk-client-mock';
import { processTurnRecords } from '../../../../bot/lambda/worker.lambda';
import { SqsTurnRequeue } from '../../../../bot/turns/sqs-turn-queue';
import { serializeTurn, type Turn } from '../../../../bot/turns/turn';
import type { TurnResult, TurnRunner } from '../../../../bot/turns/turn-runner';
import { type Logger, silentLogger } from '../../../../handlers/logger';
import record from '../../../fixtures/events/sqs-turn-record.json';
import { lexFixtures } from '../support/lex-fixtures';
import { utteranceTurn, wiredRunner } from '../support/turns';

const lex = mockClient(LexRuntimeV2Client);
const sqs = mockClient(SQSClient);
afterEach(() => {
  lex.reset();
  sqs.reset();
});
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/chatops-turns';
const requeue = () => new SqsTurnRequeue(new SQSClient({ region: 'us-east-1' }), QUEUE_URL);

const sqsRecord = (messageId: string, body: string) => ({ ...record, messageId, body }) as SQSRecord;

describe('processTurnRecords', () => {
  it('runs each queued turn with the shared runner and reports no failures', async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);
    const { slack, runner } = wiredRunner();
    const records = [sqsRecord('m-1', serializeTurn(utteranceTurn()))];

    // Act
    const response = await processTurnRecords(records, runner, silentLogger, requeue());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(slack.of('postMessage')).toHaveLength(1);
  });

  it('reports failed turns so SQS delivers them again, re-enqueues deferred ones, and drops non-turns', async () => {
    // Prepare
    const results: Record<string, TurnResult | Error> = {
      'evt:ok': { status: 'done' },
      'evt:boom': new Error('Slack is down'),
      'evt:slow': { status: 'deferred', retryAfterMs: 30_000 },
    };
    const runner: TurnRunner = {
      async run(turn: Turn) {
        const result = results[turn.id];
        if (result instanceof Error) throw result;
        return result ?? { status: 'done' };
      },
    };
    const records = [
      sqsRecord('m-ok', serializeTurn(utteranceTurn({ id: 'evt:ok' }))),
      sqsRecord('m-boom', serializeTurn(utteranceTurn({ id: 'evt:boom' }))),
      sqsRecord('m-slow', serializeTurn(utteranceTurn({ id: 'evt:slow' }))),
      sqsRecord('m-junk', '{"kind":"utterance"}'),
    ];

    // Act
    const response = await processTurnRecords(records, runner, silentLogger, requeue());

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-boom' }]);
  });

  it('defers a rate-limited turn as a new message with DelaySeconds, not as a failed receive', async () => {
    // Prepare
    sqs.on(SendMessageCommand).resolves({ MessageId: 'new-1' });
    const runner: TurnRunner = { run: async () => ({ status: 'deferred', retryAfterMs: 12_300 }) };
    const body = serializeTurn(utteranceTurn({ id: 'evt:slow' }));

    // Act
    const response = await processTurnRecords([sqsRecord('m-slow', body)], runner, silentLogger, requeue());

    // Assess
    expect(response.batchItemFailures).toEqual([]);
    expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
    expect(sqs).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: QUEUE_URL,
      MessageBody: body,
      DelaySeconds: 13,
    });
    expect(sqs.commandCalls(ChangeMessageVisibilityCommand)).toHaveLength(0);
  });

  it('falls back to redelivery when the re-enqueue fails, so the turn is never lost', async () => {
    // Prepare
    sqs.on(SendMessageCommand).rejects(new Error('throttled'));
    const runner: TurnRunner = { run: async () => ({ status: 'deferred', retryAfterMs: 2_000_000 }) };
    const body = serializeTurn(utteranceTurn({ id: 'evt:slow' }));

    // Act
    const response = await processTurnRecords([sqsRecord('m-slow', body)], runner, silentLogger, requeue());

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-slow' }]);
    expect(sqs).toHaveReceivedCommandWith(SendMessageCommand, { DelaySeconds: 900 });
  });

  it('derives the queue URL from the record when none is configured', async () => {
    // Prepare
    sqs.on(SendMessageCommand).resolves({ MessageId: 'new-2' });
    const runner: TurnRunner = { run: async () => ({ status: 'deferred', retryAfterMs: 500 }) };
    const rec = {
      ...sqsRecord('m-1', serializeTurn(utteranceTurn())),
      eventSourceARN: 'arn:aws:sqs:eu-west-1:111111111111:turns',
    };

    // Act
    await processTurnRecords(
      [rec],
      runner,
      silentLogger,
      new SqsTurnRequeue(new SQSClient({ region: 'eu-west-1' })),
    );

    // Assess
    expect(sqs).toHaveReceivedCommandWith(SendMessageCommand, {
      QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/111111111111/turns',
      DelaySeconds: 1,
    });
  });

  it('puts the turn id on every log entry while that turn runs, and only then', async () => {
    // Prepare
    const keys: Record<string, unknown> = {};
    const seen: { message: string; turnId: unknown }[] = [];
    const logger: Logger = {
      ...silentLogger,
      info: (message) => seen.push({ message, turnId: keys.turnId }),
      error: (message) => seen.push({ message, turnId: keys.turnId }),
      appendKeys: (more) => Object.assign(keys, more),
      removeKeys: (names) => {
        for (const name of names) delete keys[name];
      },
    };
    const runner: TurnRunner = {
      async run() {
        logger.info('running');
        return { status: 'done' };
      },
    };
    const records = [
      sqsRecord('m-1', serializeTurn(utteranceTurn({ id: 'evt:one' }))),
      sqsRecord('m-junk', '{"kind":"utterance"}'),
    ];

    // Act
    await processTurnRecords(records, runner, logger, requeue());

    // Assess
    expect(seen).toEqual([
      { message: 'running', turnId: 'evt:one' },
      { message: 'Dropping a queue message that is not a turn', turnId: undefined },
    ]);
  });
});
