/** Every function: Node.js 22 on arm64, traced, its own log group with the stage's retention. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { resourcesOf, synthStage } from './support/synth';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
  prod = synthStage('prod').template;
});

describe('Lambda functions', () => {
  it('run Node.js 22 on arm64 with active tracing and source maps', () => {
    // Act
    const functions = resourcesOf(dev, 'AWS::Lambda::Function');

    // Assess
    expect(functions.length).toBeGreaterThanOrEqual(3);
    for (const [, fn] of functions) {
      expect(fn.Properties).toEqual(
        expect.objectContaining({
          Runtime: 'nodejs22.x',
          Architectures: ['arm64'],
          TracingConfig: { Mode: 'Active' },
          LoggingConfig: { LogGroup: { Ref: expect.stringMatching(/Logs/) } },
        }),
      );
      expect(fn.Properties.Environment).toEqual({
        Variables: expect.objectContaining({
          NODE_OPTIONS: '--enable-source-maps',
          CHATOPS_CONFIG: expect.any(String),
        }),
      });
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
