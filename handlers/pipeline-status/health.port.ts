/**
 * AWS Health, for health-aware pipeline answers: open issues in a region. The adapter calls
 * `DescribeEvents` on the global endpoint (the client is created in us-east-1, where the AWS Health
 * API's global endpoint lives: https://docs.aws.amazon.com/health/latest/ug/health-api.html) with
 * `eventTypeCategories: ['issue']` and `eventStatusCodes: ['open']`
 * (https://docs.aws.amazon.com/health/latest/APIReference/API_DescribeEvents.html). Accounts
 * without a Business or Enterprise support plan get `SubscriptionRequiredException`: the adapter
 * then answers nothing, logs it once per container, and never asks again.
 */
import { DescribeEventsCommand, type HealthClient } from '@aws-sdk/client-health';
import type { Logger } from '../logger';

export interface HealthIssue {
  service: string;
  eventTypeCode: string;
  region: string;
  startedAt?: string;
}

export interface HealthIssues {
  /** Open issues in `region` (empty when Health is unavailable to this account). */
  openIssues(region: string): Promise<HealthIssue[]>;
}

/** Twin: a fixed list of issues. */
export class StaticHealthIssues implements HealthIssues {
  constructor(private readonly issues: HealthIssue[] = []) {}

  async openIssues(region: string): Promise<HealthIssue[]> {
    return this.issues.filter((i) => i.region === region).map((i) => ({ ...i }));
  }
}

/** The AWS Health adapter (client in us-east-1: the global endpoint). */
export class AwsHealthIssues implements HealthIssues {
  private unavailable = false;

  constructor(
    private readonly client: HealthClient,
    private readonly logger: Logger,
  ) {}

  async openIssues(region: string): Promise<HealthIssue[]> {
    if (this.unavailable) return [];
    try {
      const out = await this.client.send(
        new DescribeEventsCommand({
          filter: { regions: [region], eventTypeCategories: ['issue'], eventStatusCodes: ['open'] },
          maxResults: 10,
        }),
      );
      return (out.events ?? []).map((e) => ({
        service: e.service ?? '?',
        eventTypeCode: e.eventTypeCode ?? '?',
        region: e.region ?? region,
        ...(e.startTime ? { startedAt: e.startTime.toISOString() } : {}),
      }));
    } catch (error) {
      if ((error as Error).name === 'SubscriptionRequiredException') {
        this.unavailable = true;
        this.logger.info(
          'AWS Health is not available (no Business or Enterprise support plan); answers leave it out',
        );
        return [];
      }
      // Health is a bonus in the answer: a failing look-up never breaks the pipeline status.
      this.logger.warn('AWS Health look-up failed', { error });
      return [];
    }
  }
}
