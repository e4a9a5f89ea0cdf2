/** Every function: Node.js 22 on arm64, traced, its own log group with the stage's retention. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { LAMBDA_ENTRIES } from '../../../infra/lambda-entries';
import { resourcesOf, synthStage } from './support/synth';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
  prod = synthStage('prod').template;
});

describe('Lambda functions', () => {
  it('run Node.js 22 on arm64 with active tracing, source maps at run time unless the entry opts out', () => {
    // Act
    const functions = resourcesOf(dev, 'AWS::Lambda::Function');
    const optedOut = LAMBDA_ENTRIES.filter((e) => e.sourceMapsAtRuntime === false).map(
      (e) => `ChatOps dev: ${e.description}`,
    );

    // Assess
    expect(functions.length).toBeGreaterThanOrEqual(3);
    expect(optedOut).toEqual([
      'ChatOps dev: Slack events, interactivity and commands: verify, acknowledge, de-duplicate, queue',
    ]);
    for (const [, fn] of functions) {
      expect(fn.Properties).toEqual(
        expect.objectContaining({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        }),
      );
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables.CHATOPS_CONFIG).toEqual(expect.any(String));
      expect(variables.NODE_OPTIONS).toBe(
        optedOut.includes(fn.Properties.Description as string) ? undefined : '--enable-source-maps',
      );
    }
  });

  it('carry the stage config validated at synth time', () => {
    // Prepare
    const config = loadDeploymentConfig('prod');

    // Assess
    prod.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ CHATOPS_CONFIG: JSON.stringify(config.chatops) }) },
    });
  });

  it('keep logs as long as the stage says: prod longer than dev, and prod logs are retained', () => {
    // Prepare
    const retention = (t: Template) =>
      new Set(resourcesOf(t, 'AWS::Logs::LogGroup').map(([, g]) => g.Properties.RetentionInDays));

    // Assess
    expect(retention(dev)).toEqual(new Set([loadDeploymentConfig('dev').logRetentionDays]));
    expect(retention(prod)).toEqual(new Set([loadDeploymentConfig('prod').logRetentionDays]));
    prod.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    dev.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
  });

  it('keep prod secrets on stack deletion and drop dev ones', () => {
    // Assess
    prod.allResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain' });
    dev.allResources('AWS::SecretsManager::Secret', { DeletionPolicy: 'Delete' });
    prod.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'chatops-prod/slack' });
    dev.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'chatops-dev/slack' });
  });
});
