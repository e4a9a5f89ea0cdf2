/**
 * Synthesises a stage for Template assertions, fast: no asset bundling (the bench and
 * `npm run synth` bundle for real) and no built-in CloudFormation schema validation (~35 s per
 * stack here; `npm run synth` runs it). Call once per file in `beforeAll`.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ChatOpsStack } from '../../../../infra/chatops-stack';
import { loadDeploymentConfig, type StageName } from '../../../../infra/config/deployment-config';
import type { LambdaEntry } from '../../../../infra/lambda-entries';

export interface SynthesizedStage {
  app: App;
  stack: ChatOpsStack;
  template: Template;
}

/** The stack of `stage` from infra/config/<stage>.json (or with `entries` instead of the real list). */
export function synthStage(stage: StageName, entries?: readonly LambdaEntry[]): SynthesizedStage {
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new ChatOpsStack(app, `ChatOps-${stage}`, {
    config: loadDeploymentConfig(stage),
    env: { account: '111111111111', region: 'us-east-1' },
    ...(entries ? { entries } : {}),
  });
  return { app, stack, template: Template.fromStack(stack) };
}

/** Every resource of `type` in `template`, as `[logicalId, resource]`. */
export function resourcesOf(
  template: Template,
  type: string,
): [string, { Properties: Record<string, unknown> } & Record<string, unknown>][] {
  return Object.entries(template.findResources(type)).map(([id, r]) => [id, { Properties: {}, ...r }]);
}
