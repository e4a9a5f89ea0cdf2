/**
 * Declared needs reach the stack: with the worked example switched on in the deployment config, the
 * Lex bot has its intent and the code hook gets exactly its declared Organizations actions in a
 * policy of their own (wildcards acknowledged, cdk-nag clean); with it off, neither. The built-in
 * capabilities keep their reviewed policies, and each of their declared actions is inside what the
 * function that makes the call is granted, so the two cannot drift apart.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DEFAULT_CAPABILITIES } from '../../../handlers/capabilities';
import { type AwsCaller, awsNeedsOf } from '../../../handlers/capability';
import { ChatOpsStack } from '../../../infra/chatops-stack';
import { loadDeploymentConfig } from '../../../infra/config/deployment-config';
import { LAMBDA_ENTRIES } from '../../../infra/lambda-entries';
import { resourcesOf } from './support/synth';

function synthDev(examples: boolean): { template: Template; stack: ChatOpsStack } {
  const base = loadDeploymentConfig('dev');
  const groupAccess = { identityStoreId: 'd-1234567890', allowedGroups: ['Developers'], maxHours: 8 };
  const config = { ...base, chatops: { ...base.chatops, examples: { enabled: examples, groupAccess } } };
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new ChatOpsStack(app, `ChatOps-dev-${examples ? 'ext' : 'plain'}`, {
    config,
    env: { account: '111111111111', region: 'us-east-1' },
  });
  return { template: Template.fromStack(stack), stack };
}

const intentNames = (template: Template) =>
  resourcesOf(template, 'AWS::Lex::Bot').flatMap(([, bot]) =>
    ((bot.Properties.BotLocales as { Intents: { Name: string }[] }[]) ?? []).flatMap((l) =>
      l.Intents.map((i) => i.Name),
    ),
  );

const statementsOf = (template: Template, prefix: string) =>
  resourcesOf(template, 'AWS::IAM::Policy')
    .filter(([id]) => id.startsWith(prefix))
    .flatMap(
      ([, p]) => (p.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement,
    );

const actionsOf = (template: Template, prefix: string) =>
  new Set(statementsOf(template, prefix).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

let withExample: Template;
let plain: Template;
let extended: ChatOpsStack;

beforeAll(() => {
  ({ template: withExample, stack: extended } = synthDev(true));
  ({ template: plain } = synthDev(false));
});

describe('declared needs in the stack', () => {
  it('adds the enabled example’s intent to the bot and its declared actions to the code hook', () => {
    // Assess
    expect(intentNames(withExample)).toContain('ListOuAccounts');
    expect(intentNames(plain)).not.toContain('ListOuAccounts');
    expect([...actionsOf(withExample, 'FulfillmentDeclaredNeedsPolicy')].sort()).toEqual([
      'identitystore:GetGroupId',
      'identitystore:ListGroups',
      'organizations:ListAccountsForParent',
      'organizations:ListOrganizationalUnitsForParent',
      'organizations:ListRoots',
    ]);
    expect(statementsOf(plain, 'FulfillmentDeclaredNeedsPolicy')).toEqual([]);
  });

  it('stays cdk-nag clean with the extension on: each declared wildcard acknowledged with its reason', () => {
    // Act
    const report = new AwsSolutionsChecks().validateScope(extended);
    // Assess
    expect(report.violations.map((v) => `${v.ruleName}: ${v.violatingResources[0]?.constructPath}`)).toEqual(
      [],
    );
  });

  it('grants an extension only the calls each function makes, nothing on the others', () => {
    // Assess
    expect([...actionsOf(withExample, 'ExecutionWorkerDeclaredNeedsPolicy')].sort()).toEqual([
      'identitystore:CreateGroupMembership',
      'identitystore:GetGroupId',
      'identitystore:GetGroupMembershipId',
      'identitystore:GetUserId',
    ]);
    expect([...actionsOf(withExample, 'GroupExpiryDeclaredNeedsPolicy')]).toEqual([
      'identitystore:DeleteGroupMembership',
    ]);
    expect(statementsOf(withExample, 'KeySweeperDeclaredNeedsPolicy')).toEqual([]);
  });

  it('keeps every built-in declaration inside what its function is granted', () => {
    // Prepare
    const byCaller = new Map<AwsCaller, string>(
      LAMBDA_ENTRIES.flatMap((e) => (e.declaredNeeds ? [[e.declaredNeeds, e.id] as const] : [])),
    );
    const config = loadDeploymentConfig('dev').chatops;
    // Act
    const missing = DEFAULT_CAPABILITIES.flatMap((capability) =>
      awsNeedsOf(capability, config).flatMap((need) =>
        need.by.flatMap((caller) => {
          const fn = byCaller.get(caller);
          if (!fn) return [`${capability.intent}: no function declares the ${caller} calls`];
          const granted = actionsOf(plain, fn);
          return need.actions
            .filter((a) => !granted.has(a))
            .map((a) => `${capability.intent}: ${fn} lacks ${a}`);
        }),
      ),
    );
    // Assess
    expect(missing).toEqual([]);
  });
});
