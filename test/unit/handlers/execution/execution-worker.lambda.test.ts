/**
 * The execution worker as deployed: built from its environment with every capability's real AWS
 * adapters (handlers/aws-capability-deps.ts; the SDK clients mocked with aws-sdk-client-mock), it
 * takes a hand-off from the execution queue, runs the capability's executor (RetryPipelineStage →
 * CodePipeline RetryStageExecution), records the outcome and queues the requester's notice on the
 * chat outbox. Without `CHAT_QUEUE_URL` it fails at cold start naming the variable.
 */
import {
  CodePipelineClient,
  GetPipelineStateCommand,
  RetryStageExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { openApproval } from '../../../../handlers/approvals/approval-plan';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { ConfigError } from '../../../../handlers/errors';
import {
  buildExecutionDeps,
  createExecutionHandler,
} from '../../../../handlers/execution/execution-worker.lambda';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import { loadFixture } from '../../../support/fixtures';

const codepipeline = mockClient(CodePipelineClient);
const sqs = mockClient(SQSClient);
const CHAT_QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-dev-chat';
const ENV = {
  TABLE_NAME: 'chatops-dev-requests',
  AWS_REGION: 'us-east-1',
  CHAT_QUEUE_URL,
  CHATOPS_CONFIG: JSON.stringify(localConfig),
  LOG_LEVEL: 'SILENT',
};
const EXECUTION_ID = '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02';

/** The SQS record of a hand-off (the shape of test/fixtures/events/sqs-turn-record.json). */
function handOffEvent(requestId: string): SQSEvent {
  const record = loadFixture<SQSEvent['Records'][number]>('events/sqs-turn-record.json');
  return {
    Records: [
      {
        ...record,
        messageAttributes: {},
        body: JSON.stringify({ requestId }),
        eventSourceARN: 'arn:aws:sqs:us-east-1:111111111111:chatops-dev-ExecutionsQueue',
      },
    ],
  };
}

/** A `never`-policy RetryPipelineStage request, APPROVED at creation with its digest. */
async function approvedRetry(ledger: MemoryLedger) {
  const config = parseConfig(localConfig);
  const { request } = await ledger.create({
    intent: 'RetryPipelineStage',
    parameters: { PipelineName: 'payments-api' },
    requester: {
      slackUserId: 'UBOB00001',
      teamId: 'T0SANDBOX',
      name: 'Bob Example',
      email: 'bob@example.com',
    },
    origin: { teamId: 'T0SANDBOX', channelId: 'D0BOB00001', threadTs: '1700000000.000200' },
    idempotencyKey: 'execution-worker-test',
  });
  return ledger.transition(request.id, 'RECEIVED', 'APPROVED', 'system', {
    approval: openApproval(request, 0, config, new Date()),
  });
}

describe('execution-worker.lambda', () => {
  beforeEach(() => {
    codepipeline.reset();
    sqs.reset();
    codepipeline
      .on(GetPipelineStateCommand, { name: 'payments-api' })
      .resolves(loadFixture('codepipeline/get-pipeline-state-failed.json'));
    codepipeline.on(RetryStageExecutionCommand).resolves({ pipelineExecutionId: EXECUTION_ID });
    sqs.on(SendMessageCommand).resolves({ MessageId: 'c0ffee00-0000-4000-8000-000000000001' });
  });

  it('runs the capability executor on AWS, records SUCCEEDED and queues the outcome for the thread', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const request = await approvedRetry(ledger);
    const run = createExecutionHandler(buildExecutionDeps(ENV, ledger));

    // Act
    const response = await run(handOffEvent(request.id));

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(codepipeline.commandCalls(RetryStageExecutionCommand).map((c) => c.args[0].input)).toEqual([
      {
        pipelineName: 'payments-api',
        stageName: 'Build',
        pipelineExecutionId: EXECUTION_ID,
        retryMode: 'FAILED_ACTIONS',
      },
    ]);
    expect(await ledger.get(request.id)).toMatchObject({
      status: 'SUCCEEDED',
      externalIds: { pipelineExecutionId: EXECUTION_ID, stage: 'Build' },
    });
    const sent = sqs.commandCalls(SendMessageCommand).map((c) => c.args[0].input);
    expect(sent.map((m) => m.QueueUrl)).toEqual([CHAT_QUEUE_URL]);
    expect(JSON.parse(sent[0]?.MessageBody ?? '')).toMatchObject({
      kind: 'thread',
      target: { teamId: 'T0SANDBOX', channelId: 'D0BOB00001', threadTs: '1700000000.000200' },
      notice: { text: `Request ${request.id} (RetryPipelineStage) succeeded.`, mentions: ['UBOB00001'] },
    });
  });

  it('runs nothing for a redelivered hand-off of a request that already ran', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const request = await approvedRetry(ledger);
    const run = createExecutionHandler(buildExecutionDeps(ENV, ledger));
    await run(handOffEvent(request.id));

    // Act
    const again = await run(handOffEvent(request.id));

    // Assess
    expect(again).toEqual({ batchItemFailures: [] });
    expect(codepipeline.commandCalls(RetryStageExecutionCommand)).toHaveLength(1);
  });

  it('reports a message that is not a hand-off for redelivery (it ends in the dead-letter queue)', async () => {
    // Prepare
    const event = handOffEvent('REQ-5G8H3N7Q');
    const [record] = event.Records;
    if (record) record.body = '{"requestId":"not-an-id"}';
    const run = createExecutionHandler(buildExecutionDeps(ENV, new MemoryLedger()));

    // Act
    const response = await run(event);

    // Assess
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: record?.messageId }]);
  });

  it('fails at cold start with a ConfigError naming CHAT_QUEUE_URL when it is missing', () => {
    // Prepare
    const { CHAT_QUEUE_URL: _unset, ...env } = ENV;

    // Act
    const build = () => buildExecutionDeps(env, new MemoryLedger());

    // Assess
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/CHAT_QUEUE_URL/);
  });
});
