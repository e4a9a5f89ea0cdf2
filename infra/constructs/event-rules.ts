/**
 * EventBridge: the event patterns the system reacts to and the schedules of its sweepers, each
 * targeting one function. Patterns:
 * - Control Tower lifecycle events: `source` `aws.controltower`, `detail-type`
 *   `AWS Service Event via CloudTrail`, `detail.eventName` `CreateManagedAccount` /
 *   `UpdateManagedAccount` (https://docs.aws.amazon.com/controltower/latest/userguide/lifecycle-events.html);
 * - CodePipeline execution state changes: `source` `aws.codepipeline`, `detail-type`
 *   `CodePipeline Pipeline Execution State Change`, narrowed to the configured pipelines
 *   (https://docs.aws.amazon.com/codepipeline/latest/userguide/detect-state-changes-cloudwatch-events.html).
 */
import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { Trigger } from '../lambda-entries';
import type { ChatOpsFunction } from './chatops-function';

type EventTrigger = Extract<Trigger, { kind: 'event' }>;

/** The event pattern of each named event trigger. */
export function eventPattern(
  name: EventTrigger['pattern'],
  pipelines: readonly string[],
): events.EventPattern {
  switch (name) {
    case 'controlTowerLifecycle':
      return {
        source: ['aws.controltower'],
        detailType: ['AWS Service Event via CloudTrail'],
        detail: { eventName: ['CreateManagedAccount', 'UpdateManagedAccount'] },
      };
    case 'codePipelineExecution':
      return {
        source: ['aws.codepipeline'],
        detailType: ['CodePipeline Pipeline Execution State Change'],
        ...(pipelines.length > 0 ? { detail: { pipeline: [...pipelines] } } : {}),
      };
  }
}

export interface EventRulesProps {
  readonly pipelines: readonly string[];
}

export class EventRules extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: EventRulesProps,
  ) {
    super(scope, id);
  }

  /** A schedule (`rate(n minutes)`) that invokes `fn`. */
  schedule(fn: ChatOpsFunction, everyMinutes: number): events.Rule {
    return new events.Rule(this, `${fn.node.id}Schedule`, {
      description: `Runs ${fn.node.id} every ${everyMinutes} minutes`,
      schedule: events.Schedule.rate(Duration.minutes(everyMinutes)),
      targets: [new targets.LambdaFunction(fn.function, { retryAttempts: 2 })],
    });
  }

  /** A rule with the named pattern that invokes `fn`. */
  on(fn: ChatOpsFunction, pattern: EventTrigger['pattern']): events.Rule {
    return new events.Rule(this, `${fn.node.id}Events`, {
      description: `${pattern} events for ${fn.node.id}`,
      eventPattern: eventPattern(pattern, this.props.pipelines),
      targets: [new targets.LambdaFunction(fn.function, { retryAttempts: 2 })],
    });
  }
}
