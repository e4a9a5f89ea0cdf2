/**
 * The CDK app: one stack per stage from infra/config/<stage>.json (validated with the runtime's
 * config schema: a bad config fails synth naming the key). `-c stage=dev|prod` synthesises one
 * stage; without it both (`npm run synth`). cdk-nag's AWS Solutions checks run on every synth and
 * fail it on any finding not acknowledged with a reason (cdk-nag v3: a validation plugin).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChatOpsStack } from './chatops-stack';
import { loadDeploymentConfig, STAGES } from './config/deployment-config';

/** Builds the app for `stage` (or every stage). */
export function buildApp(app: App = new App()): App {
  const requested = app.node.tryGetContext('stage') as string | undefined;
  const stages = requested ? [requested] : [...STAGES];
  for (const stage of stages) {
    const config = loadDeploymentConfig(stage);
    new ChatOpsStack(app, `ChatOps-${stage}`, {
      config,
      description: `ChatOps (${stage}): Slack + Lex V2 + approvals + request ledger`,
      env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
      tags: { application: 'chatops', stage },
    });
  }
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return app;
}

if (require.main === module) buildApp().synth();
