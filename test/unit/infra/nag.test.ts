/**
 * cdk-nag's AWS Solutions checks (v3, `validateScope`) report nothing unacknowledged on either
 * stage, and every acknowledgement carries a specific reason.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { type SynthesizedStage, synthStage } from './support/synth';

let stages: SynthesizedStage[];

beforeAll(() => {
  stages = [synthStage('dev'), synthStage('prod')];
});

function acknowledgements(root: IConstruct): { id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string | { reason: string }>))
      .map(([id, value]) => ({ id, reason: typeof value === 'string' ? value : value.reason })),
  );
}

describe('cdk-nag AwsSolutionsChecks', () => {
  it('finds nothing unacknowledged in dev or prod', () => {
    // Act
    const reports = stages.map(({ stack }) => new AwsSolutionsChecks().validateScope(stack));

    // Assess
    expect(
      reports.flatMap((r) =>
        r.violations.map((v) => `${v.ruleName}: ${v.violatingResources[0]?.constructPath}`),
      ),
    ).toEqual([]);
    expect(reports.every((r) => r.success)).toBe(true);
  });

  it('does report an unacknowledged finding (the check is live)', () => {
    // Prepare
    const stack = new Stack(new App(), 'Bare');
    new sqs.Queue(stack, 'NoDeadLetters');

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assess
    expect(report.violations.map((v) => v.ruleName)).toEqual(
      expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']),
    );
  });

  it('gives every acknowledgement a reason of its own', () => {
    // Act
    const acks = acknowledgements(stages[0]?.stack as IConstruct);

    // Assess
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.reason.length).toBeGreaterThan(60);
      expect(ack.reason).not.toMatch(/^(ok|n\/a|todo|suppress(ed)?)\b/i);
    }
  });
});
