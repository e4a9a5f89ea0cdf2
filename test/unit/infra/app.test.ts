/** infra/app.ts: one stack per stage, both by default, and cdk-nag failing synth on a finding. */
import { App, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildApp } from '../../../infra/app';

const fast = (context: Record<string, unknown> = {}) =>
  new App({
    builtinCloudFormationValidation: false,
    outdir: `${require('node:os').tmpdir()}/chatops-app-test-${process.pid}-${Math.random()}`,
    context: { 'aws:cdk:bundling-stacks': [], ...context },
  });

describe('buildApp', () => {
  it('builds one stack per stage when no stage is given', () => {
    // Act
    const app = buildApp(fast());

    // Assess
    expect(app.node.children.filter(Stack.isStack).map((s) => s.stackName)).toEqual([
      'ChatOps-dev',
      'ChatOps-prod',
    ]);
  });

  it('builds only the stage given with -c stage=…', () => {
    // Act
    const app = buildApp(fast({ stage: 'prod' }));

    // Assess
    expect(app.node.children.filter(Stack.isStack).map((s) => s.stackName)).toEqual(['ChatOps-prod']);
  });

  it('rejects an unknown stage, naming it', () => {
    // Act / Assess
    expect(() => buildApp(fast({ stage: 'qa' }))).toThrow(/stage: unknown stage "qa"/);
  });

  it('fails synth on a cdk-nag finding nobody acknowledged', () => {
    // Prepare
    const app = buildApp(fast({ stage: 'dev' }));
    const stack = app.node.children.find(Stack.isStack) as Stack;
    new sqs.Queue(stack, 'QueueWithoutDeadLetters', { enforceSSL: true });

    // Act / Assess
    expect(() => app.synth()).toThrow(/AwsSolutions-SQS3/);
  });
});
