import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import type { SQSRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { processTurnRecords } from '../../../../bot/lambda/worker.lambda';
import { serializeTurn, type Turn } from '../../../../bot/turns/turn';
import type { TurnResult, TurnRunner } from '../../../../bot/turns/turn-runner';
import { type Logger, silentLogger } from '../../../../handlers/logger';
import record from '../../../fixtures/events/sqs-turn-record.json';
import { lexFixtures } from '../support/lex-fixtures';
import { utteranceTurn, wiredRunner } from '../support/turns';

const lex = mockClient(LexRuntimeV2Client);
afterEach(() => lex.reset());

const sqsRecord = (messageId: string, body: string) => ({ ...record, messageId, body }) as SQSRecord;

describe('processTurnRecords', () => {
  it('runs each queued turn with the shared runner and reports no failures', async () => {
    // Prepare
    lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent);
    const { slack, runner } = wiredRunner();
    const records = [sqsRecord('m-1', serializeTurn(utteranceTurn()))];

    // Act
    const response = await processTurnRecords(records, runner, silentLogger);

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(slack.of('postMessage')).toHaveLength(1);
  });

  it('reports failed and deferred turns so SQS delivers them again, and drops non-turns', async () => {
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
    const response = await processTurnRecords(records, runner, silentLogger);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-boom' }, { itemIdentifier: 'm-slow' }]);
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
    await processTurnRecords(records, runner, logger);

    // Assess
    expect(seen).toEqual([
      { message: 'running', turnId: 'evt:one' },
      { message: 'Dropping a queue message that is not a turn', turnId: undefined },
    ]);
  });
});
