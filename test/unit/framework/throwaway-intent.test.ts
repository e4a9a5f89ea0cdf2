/**
 * "Add an intent" through the public API only: a throw-away extension (spec + capability +
 * executor) written to a temporary folder outside the repository, then loaded. It must appear in
 * the Lex bot locale, the help text, the local runtime's answers and the declared IAM grants, with
 * no file of the repository touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { ChatOpsExtension } from '../../../handlers/extension';
import { catalogFor } from '../../../handlers/extensions';
import { ChatOpsStack } from '../../../infra/chatops-stack';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { declaredGrants } from '../../../infra/declared-grants';
import { toBotLocale } from '../../../intents/lex-definition';
import { startConversation, testConfig } from '../../kit';

const ROOT = resolve(__dirname, '..', '..', '..');

const SPEC = `
import { defineIntent } from '${ROOT}/intents/define-intent';
export const restartServiceIntent = defineIntent({
  id: 'RestartService',
  description: 'Restart an ECS service (force a new deployment).',
  examples: ['restart the checkout service'],
  utterances: [
    'restart the {ServiceName} service', 'restart {ServiceName}', 'bounce the {ServiceName} service',
    'please restart the {ServiceName} service', 'redeploy the {ServiceName} service', 'restart a service',
    'I need to restart an ECS service', 'force a new deployment of {ServiceName}', 'restart the ECS service {ServiceName}',
    'can you bounce {ServiceName}',
  ],
  slots: [{
    name: 'ServiceName', description: 'The ECS service.', type: 'ServiceNameValues', required: true,
    priority: 1, prompt: 'Which service?', retryPrompt: 'Which service, e.g. checkout?',
  }],
  slotTypes: [{
    name: 'ServiceNameValues', description: 'An ECS service name (examples only).', resolution: 'OriginalValue',
    values: [{ value: 'checkout' }, { value: 'payments' }, { value: 'search' }],
  }],
  confirmation: { prompt: 'Restart {ServiceName}?', declined: 'Nothing was restarted.' },
  sideEffect: 'write',
  approval: 'always',
  requiredRoles: [],
  tracked: true,
  dialogHook: false,
});
`;

const EXTENSION = `
import { defineExtension } from '${ROOT}/handlers/extension';
import { restartServiceIntent } from './restart-service.intent';
export const restarted: string[] = [];
export const restartExtension = defineExtension<{ ecs: { restart(name: string): Promise<string> } }>({
  name: 'restart-service',
  intents: [restartServiceIntent],
  capabilities: [{
    intent: restartServiceIntent.id,
    plan: (p) => ['ECS UpdateService on ' + p.ServiceName + ' with forceNewDeployment'],
    async execute({ request }, deps) {
      const id = await deps.ecs.restart(request.parameters.ServiceName ?? '');
      return { message: 'Restarted ' + request.parameters.ServiceName + ' (' + id + ').' };
    },
    awsNeeds: [{
      actions: ['ecs:UpdateService'],
      resources: ['arn:{partition}:ecs:{region}:{account}:service/*'],
      by: ['executor'],
      why: 'Force a new deployment of the named service.',
    }],
  }],
  sandboxDeps: () => ({ ecs: { restart: async (name) => { restarted.push(name); return 'ecs-svc/123'; } } }),
  awsDeps: () => ({ ecs: { restart: async () => { throw new Error('no ECS client in this test'); } } }),
});
`;

describe('a throw-away intent added through the public API only', () => {
  let folder: string;
  let extension: ChatOpsExtension;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'chatops-extension-'));
    writeFileSync(join(folder, 'restart-service.intent.ts'), SPEC);
    writeFileSync(join(folder, 'restart-service.extension.ts'), EXTENSION);
    extension = require(join(folder, 'restart-service.extension.ts')).restartExtension;
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is an intent of the Lex bot locale, with its slot and confirmation', () => {
    // Prepare
    const catalog = catalogFor(testConfig(), [extension]);

    // Act
    const locale = toBotLocale(catalog);

    // Assess
    const intent = locale.Intents.find((i) => i.Name === 'RestartService');
    expect(intent?.SampleUtterances).toContainEqual({ Utterance: 'restart the {ServiceName} service' });
    expect(intent?.Slots?.map((s) => s.Name)).toEqual(['ServiceName']);
    expect(locale.Intents.at(-1)?.Name).toBe('FallbackIntent');
  });

  it('is in the help text and answered by the local runtime: asked, confirmed, sent for approval', async () => {
    // Prepare
    const chat = await startConversation({ extensions: [extension] });

    // Act
    const help = await chat.say('help');
    const confirm = await chat.say('restart the checkout service');
    const filed = await chat.say('yes');

    // Assess
    expect(help.text).toContain(
      '• Restart an ECS service (force a new deployment). Try: "restart the checkout service"',
    );
    expect(confirm).toMatchObject({ intent: 'RestartService', dialogAction: 'ConfirmIntent' });
    expect(confirm.text).toBe('Restart checkout?');
    expect(filed.text).toMatch(/REQ-[0-9A-Z]{8}/);
    const [request] = await chat.requests();
    expect(request).toMatchObject({ intent: 'RestartService', status: 'PENDING_APPROVAL' });
    expect(request?.approval?.plan).toEqual(['ECS UpdateService on checkout with forceNewDeployment']);
  });

  it('is in the synthesized stack: the Lex bot has it, the execution worker gets exactly its ECS action', () => {
    // Prepare
    const app = new App({
      builtinCloudFormationValidation: false,
      context: { 'aws:cdk:bundling-stacks': [] },
    });

    // Act
    const stack = new ChatOpsStack(app, 'ChatOps-dev-throwaway', {
      config: loadDeploymentConfig('dev'),
      env: { account: '123456789012', region: 'eu-west-1' },
      extensions: [extension],
    });
    const template = Template.fromStack(stack);

    // Assess
    const bots = Object.values(template.findResources('AWS::Lex::Bot')) as {
      Properties: { BotLocales: { Intents: { Name: string }[] }[] };
    }[];
    expect(
      bots.flatMap((b) => b.Properties.BotLocales.flatMap((l) => l.Intents.map((i) => i.Name))),
    ).toContain('RestartService');
    const policies = Object.entries(template.findResources('AWS::IAM::Policy')) as [
      string,
      { Properties: { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } } },
    ][];
    const declared = policies
      .filter(([id]) => id.startsWith('ExecutionWorkerDeclaredNeedsPolicy'))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    expect(declared).toEqual([
      expect.objectContaining({ Action: 'ecs:UpdateService', Resource: expect.anything() }),
    ]);
    expect(JSON.stringify(declared)).toContain(':service/*');
    const elsewhere = policies
      .filter(([id]) => !id.startsWith('ExecutionWorkerDeclaredNeedsPolicy'))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    expect(JSON.stringify(elsewhere)).not.toContain('ecs:UpdateService');
  });

  it("is in the executor's declared IAM grants", () => {
    // Prepare
    const scope = { partition: 'aws', region: 'eu-west-1', account: '123456789012' };

    // Act
    const grants = declaredGrants(testConfig(), 'executor', scope, [extension]);

    // Assess
    expect(grants.find((g) => g.intents.includes('RestartService'))?.statement).toEqual({
      Effect: 'Allow',
      Action: ['ecs:UpdateService'],
      Resource: ['arn:aws:ecs:eu-west-1:123456789012:service/*'],
    });
  });
});
