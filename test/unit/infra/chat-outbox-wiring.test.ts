/**
 * The chat outbox in a stage: the queue (SSE, TLS only, dead-letter queue with an alarm,
 * visibility above the consumer's timeout), its consumer (partial batch responses, the ledger and
 * the Slack secret, nothing else), and every core function that tells people something: allowed to
 * send to it, with `CHAT_QUEUE_URL` pointing at it.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { LAMBDA_ENTRIES } from '../../../infra/lambda-entries';
import { resourcesOf, synthStage } from './support/synth';

let dev: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
});

function variablesOf(id: string): Record<string, unknown> {
  const found = resourcesOf(dev, 'AWS::Lambda::Function').find(([logical]) =>
    logical.startsWith(`${id}Function`),
  );
  if (!found) throw new Error(`no function ${id}`);
  return (found[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;
}

function statementsOf(id: string): { Action: string | string[]; Resource: unknown }[] {
  return resourcesOf(dev, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(`"${id}Role`))
    .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: never[] }).Statement);
}

const chatQueueRef = { Ref: expect.stringMatching(/^ChatNoticesQueue/) };
const sendsToChatQueue = (id: string) =>
  statementsOf(id).some(
    (s) => s.Action === 'sqs:SendMessage' && JSON.stringify(s.Resource).includes('ChatNoticesQueue'),
  );

/** The core's entries (handlers/): each posts to Slack only through the outbox. */
const coreEntries = LAMBDA_ENTRIES.filter((e) => e.entry.startsWith('handlers/')).map((e) => e.id);

describe('chat outbox wiring', () => {
  it('has an encrypted, TLS-only queue with a dead-letter queue and a visibility above its consumer timeout', () => {
    // Prepare
    const consumer = LAMBDA_ENTRIES.find((e) => e.trigger.kind === 'chatQueue');

    // Assess
    expect(consumer?.id).toBe('ChatOutbox');
    dev.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      VisibilityTimeout: (consumer?.timeoutSeconds ?? 0) * 6,
      RedrivePolicy: {
        deadLetterTargetArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ChatNoticesDeadLetters'), 'Arn'] },
        maxReceiveCount: 5,
      },
    });
    dev.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: Match.stringLikeRegexp('^ChatNoticesQueue') }],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ],
      },
    });
    dev.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmDescription: Match.stringLikeRegexp('^ChatNotices: messages in the dead-letter queue'),
    });
  });

  it('feeds the ChatOutbox function from the queue, five at a time, with partial batch responses', () => {
    // Assess
    dev.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ChatNoticesQueue'), 'Arn'] },
      FunctionName: { Ref: Match.stringLikeRegexp('^ChatOutboxFunction') },
      BatchSize: 5,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('gives the consumer the ledger and the Slack secret (its ARN, never its value), and no send to its own queue', () => {
    // Act
    const variables = variablesOf('ChatOutbox');

    // Assess
    expect(variables).toEqual(
      expect.objectContaining({
        TABLE_NAME: { Ref: expect.stringMatching(/^RequestsTable/) },
        SLACK_SECRET_ARN: { Ref: expect.stringMatching(/^SecretsSlack/) },
      }),
    );
    expect(variables).not.toHaveProperty('CHAT_QUEUE_URL');
    expect(sendsToChatQueue('ChatOutbox')).toBe(false);
    expect(JSON.stringify(statementsOf('ChatOutbox'))).toContain('secretsmanager:GetSecretValue');
  });

  it.each(coreEntries)('lets %s send notices to the outbox, with CHAT_QUEUE_URL set', (id) => {
    // Assess
    expect(variablesOf(id).CHAT_QUEUE_URL).toEqual(chatQueueRef);
    expect(sendsToChatQueue(id)).toBe(true);
  });

  it('wires every core entry that posts (the list is not empty) and leaves the Slack-side functions out', () => {
    // Assess
    expect(coreEntries).toEqual(
      expect.arrayContaining([
        'Fulfillment',
        'ApprovalApi',
        'ExpirySweeper',
        'ExecutionWorker',
        'KeySweeper',
        'AccountLifecycle',
        'ProvisioningPoller',
        'PipelineNotifications',
      ]),
    );
    for (const id of ['Ingress', 'Worker']) expect(variablesOf(id)).not.toHaveProperty('CHAT_QUEUE_URL');
  });
});
