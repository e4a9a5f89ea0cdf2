import { DescribeEventsCommand, HealthClient } from '@aws-sdk/client-health';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { Logger } from '../../../../handlers/logger';
import { AwsHealthIssues } from '../../../../handlers/pipeline-status/health.port';

function logger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (message: string) => lines.push(message);
  return { lines, debug: log, info: log, warn: log, error: log } as unknown as Logger & { lines: string[] };
}

describe('AwsHealthIssues', () => {
  it('asks DescribeEvents for open issues of the region', async () => {
    // Prepare
    const mock = mockClient(HealthClient);
    mock.on(DescribeEventsCommand).resolves({
      events: [
        {
          arn: 'arn:aws:health:us-east-1::event/CODEBUILD/AWS_CODEBUILD_OPERATIONAL_ISSUE/AWS_CODEBUILD_OPERATIONAL_ISSUE_ABC',
          service: 'CODEBUILD',
          eventTypeCode: 'AWS_CODEBUILD_OPERATIONAL_ISSUE',
          eventTypeCategory: 'issue',
          region: 'us-east-1',
          startTime: new Date('2026-11-23T07:00:00.000Z'),
          statusCode: 'open',
        },
      ],
    });
    const health = new AwsHealthIssues(new HealthClient({ region: 'us-east-1' }), logger());
    // Act
    const issues = await health.openIssues('us-east-1');
    // Assess
    expect(mock).toHaveReceivedCommandWith(DescribeEventsCommand, {
      filter: { regions: ['us-east-1'], eventTypeCategories: ['issue'], eventStatusCodes: ['open'] },
    });
    expect(issues).toEqual([
      {
        service: 'CODEBUILD',
        eventTypeCode: 'AWS_CODEBUILD_OPERATIONAL_ISSUE',
        region: 'us-east-1',
        startedAt: '2026-11-23T07:00:00.000Z',
      },
    ]);
  });

  it('leaves Health out quietly without a support plan: one log line per container, one call', async () => {
    // Prepare
    const mock = mockClient(HealthClient);
    mock
      .on(DescribeEventsCommand)
      .rejects(Object.assign(new Error('no plan'), { name: 'SubscriptionRequiredException' }));
    const log = logger();
    const health = new AwsHealthIssues(new HealthClient({ region: 'us-east-1' }), log);
    // Act
    const first = await health.openIssues('us-east-1');
    const second = await health.openIssues('eu-west-1');
    // Assess
    expect([first, second]).toEqual([[], []]);
    expect(log.lines).toHaveLength(1);
    expect(mock).toHaveReceivedCommandTimes(DescribeEventsCommand, 1);
  });
});
