/** Slack → API → ingress → SQS (SSE, DLQ) → worker with partial batch responses. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { LAMBDA_ENTRIES } from '../../../../infra/lambda-entries';
import { resourcesOf, synthStage } from '../support/synth';

let template: Template;

beforeAll(() => {
  template = synthStage('dev').template;
});

const idOf = (prefix: string, type?: string) => {
  const resources = template.toJSON().Resources as Record<string, { Type: string }>;
  const found = Object.keys(resources).find(
    (id) => id.startsWith(prefix) && (!type || resources[id]?.Type === type),
  );
  if (!found) throw new Error(`no resource ${prefix}*`);
  return found;
};

describe('SlackIngress', () => {
  it('routes POST /slack/events to the ingress function', () => {
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'slack' });
    template.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: 'events' });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      ResourceId: { Ref: idOf('SlackApislackevents', 'AWS::ApiGateway::Resource') },
      Integration: Match.objectLike({
        Type: 'AWS_PROXY',
        Uri: Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([{ 'Fn::GetAtt': [idOf('IngressFunction', 'AWS::Lambda::Function'), 'Arn'] }]),
          ],
        }),
      }),
    });
  });

  it('throttles the stage and writes access logs', () => {
    // Assess
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      RestApiId: { Ref: idOf('SlackApi', 'AWS::ApiGateway::RestApi') },
      TracingEnabled: true,
      AccessLogSetting: Match.objectLike({
        DestinationArn: { 'Fn::GetAtt': [idOf('SlackApiAccessLogs'), 'Arn'] },
      }),
      MethodSettings: [
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 20,
          ThrottlingBurstLimit: 40,
        }),
      ],
    });
  });

  it('gives every queue server-side encryption, TLS only and a dead-letter queue', () => {
    // Act
    const queues = resourcesOf(template, 'AWS::SQS::Queue');
    const deadLetterIds = queues
      .map(
        ([, q]) =>
          (q.Properties.RedrivePolicy as { deadLetterTargetArn?: { 'Fn::GetAtt': string[] } })
            ?.deadLetterTargetArn,
      )
      .filter((arn) => arn !== undefined)
      .map((arn) => arn['Fn::GetAtt'][0]);

    // Assess
    for (const [id, queue] of queues) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      if (!deadLetterIds.includes(id)) {
        expect(queue.Properties.RedrivePolicy).toEqual(expect.objectContaining({ maxReceiveCount: 5 }));
      }
    }
    expect(deadLetterIds).toHaveLength(queues.length - deadLetterIds.length);
    for (const [, policy] of resourcesOf(template, 'AWS::SQS::QueuePolicy')) {
      expect(policy.Properties.PolicyDocument).toEqual(
        expect.objectContaining({
          Statement: [
            expect.objectContaining({
              Effect: 'Deny',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ],
        }),
      );
    }
  });

  it("keeps turns invisible longer than the worker's timeout and reports partial batch failures", () => {
    // Prepare
    const worker = LAMBDA_ENTRIES.find((e) => e.id === 'Worker');

    // Act
    const [, queue] =
      resourcesOf(template, 'AWS::SQS::Queue').find(([id]) => id.startsWith('SlackTurnsQueue')) ?? [];

    // Assess
    expect(Number(queue?.Properties.VisibilityTimeout)).toBeGreaterThan(worker?.timeoutSeconds ?? Infinity);
    template.hasResourceProperties('AWS::Lambda::Function', { Timeout: worker?.timeoutSeconds });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: idOf('WorkerFunction', 'AWS::Lambda::Function') },
      EventSourceArn: { 'Fn::GetAtt': [idOf('SlackTurnsQueue', 'AWS::SQS::Queue'), 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets the ingress send to the turn queue and read the Slack secret through its ARN', () => {
    // Assess
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          TURN_QUEUE_URL: { Ref: idOf('SlackTurnsQueue', 'AWS::SQS::Queue') },
          SLACK_SECRET_ARN: { Ref: idOf('SecretsSlack') },
        }),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: idOf('IngressRole', 'AWS::IAM::Role') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [idOf('SlackTurnsQueue', 'AWS::SQS::Queue'), 'Arn'] },
          },
        ]),
      },
    });
  });
});
