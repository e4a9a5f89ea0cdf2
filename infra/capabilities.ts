/**
 * AWS-account capabilities as IAM policies, one per function and capability, so each wildcard
 * resource an API forces on us is acknowledged on its own policy with its own reason (cdk-nag
 * AwsSolutions-IAM5) instead of hiding behind a function-wide acknowledgement. Actions are always
 * explicit. What IAM alone cannot grant:
 * - Account vending: the function's role must also be given access to the
 *   "AWS Control Tower Account Factory Portfolio" in Service Catalog (Portfolio → Access → Grant
 *   access), or `ListLaunchPaths` / `ProvisionProduct` find no launch path; the README's deploy
 *   guide has the command. The product's launch role (Control Tower's) does the Organizations writes.
 * - Organizations look-ups work only in the management account or a delegated administrator.
 */
import { Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ChatOpsFunction } from './constructs/chatops-function';
import type { DeclaredGrant } from './declared-grants';
import type { Access } from './lambda-entries';

/** What capability policies are scoped to (from the stage's deployment config). */
export interface CapabilityScope {
  /** IAM path of the users whose keys may be rotated, e.g. `/chatops/`. */
  readonly iamUserPath: string;
  /** Name prefix of the secrets that hold new access keys. */
  readonly secretPrefix: string;
  /** Readable pipelines; empty: every pipeline in the account and region. */
  readonly pipelines: readonly string[];
}

const CAPABILITIES = [
  'organizationsRead',
  'accountVending',
  'accountLifecycle',
  'iamUsersRead',
  'keyRotation',
  'pipelinesRead',
  'pipelineActions',
] as const;
type Capability = (typeof CAPABILITIES)[number];

/** Whether `access` is an AWS-account capability (its own policy) rather than data access. */
export function isCapability(access: Access): access is Capability {
  return (CAPABILITIES as readonly string[]).includes(access);
}

interface CapabilityPolicy {
  readonly statements: iam.PolicyStatement[];
  /** cdk-nag IAM5 findings on this policy, each with why the wildcard is needed. */
  readonly wildcards: { readonly finding: string; readonly reason: string }[];
}

const ORGANIZATIONS_READ = [
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
  'organizations:DescribeOrganizationalUnit',
  'organizations:ListAccounts',
];
const ORGANIZATIONS_REASON =
  "Organizations look-ups (ListRoots, ListAccounts, ListOrganizationalUnitsForParent, DescribeOrganizationalUnit): ListRoots and ListAccounts support only Resource '*', and OU ARNs embed the organization id, which this stack does not know; all actions are read-only.";

/**
 * `iam:ListUsers` (the due-keys sweep and "which keys are due", over the configured path) grants
 * only on Resource '*': IAM has no resource-level permission for it; the adapter passes the
 * configured `PathPrefix`, and every action that reads or changes a user is scoped to that path.
 */
const LIST_USERS = new iam.PolicyStatement({ actions: ['iam:ListUsers'], resources: ['*'] });
const LIST_USERS_WILDCARD = {
  finding: 'Resource::*',
  reason:
    "iam:ListUsers supports only Resource '*' (read-only; called with the configured PathPrefix); the user reads and key changes are scoped to the configured IAM path.",
};

/** The statements and acknowledged wildcards of `capability` in `stack`, scoped by `scope`. */
export function capabilityPolicy(
  stack: Stack,
  capability: Capability,
  scope: CapabilityScope,
): CapabilityPolicy {
  const { account, region, partition } = stack;
  // How cdk-nag prints these ARNs in its finding ids: tokens as <AWS::…>, literals as they are.
  const nag = {
    region: Token.isUnresolved(region) ? '<AWS::Region>' : region,
    account: Token.isUnresolved(account) ? '<AWS::AccountId>' : account,
  };
  const products = `arn:${partition}:catalog:${region}:${account}:product/*`;
  const users = `arn:${partition}:iam::${account}:user${scope.iamUserPath}*`;
  const keySecrets = `arn:${partition}:secretsmanager:${region}:${account}:secret:${scope.secretPrefix}*`;
  switch (capability) {
    case 'organizationsRead':
      return {
        statements: [new iam.PolicyStatement({ actions: ORGANIZATIONS_READ, resources: ['*'] })],
        wildcards: [{ finding: 'Resource::*', reason: ORGANIZATIONS_REASON }],
      };
    case 'accountVending':
      return {
        statements: [
          new iam.PolicyStatement({ actions: ['servicecatalog:SearchProducts'], resources: ['*'] }),
          new iam.PolicyStatement({
            actions: [
              'servicecatalog:DescribeProduct',
              'servicecatalog:ListLaunchPaths',
              'servicecatalog:ListProvisioningArtifacts',
              'servicecatalog:DescribeProvisioningArtifact',
              'servicecatalog:ProvisionProduct',
            ],
            resources: [products],
          }),
          new iam.PolicyStatement({ actions: ['servicecatalog:DescribeRecord'], resources: ['*'] }),
        ],
        wildcards: [
          {
            finding: 'Resource::*',
            reason:
              "servicecatalog:SearchProducts (find the Account Factory product by name) and servicecatalog:DescribeRecord (provisioning status) define no resource type, so IAM only accepts Resource '*'; both are read-only and limited to products the role's portfolio access shows.",
          },
          {
            finding: `Resource::arn:<AWS::Partition>:catalog:${nag.region}:${nag.account}:product/*`,
            reason:
              'The Account Factory product id differs per landing zone and is resolved by name at run time; products are limited to this account and region, and Service Catalog only lets the role launch products of portfolios it was granted (the Account Factory portfolio).',
          },
        ],
      };
    case 'accountLifecycle':
      return {
        statements: [
          new iam.PolicyStatement({ actions: ['servicecatalog:DescribeRecord'], resources: ['*'] }),
          new iam.PolicyStatement({ actions: ['organizations:DescribeAccount'], resources: ['*'] }),
        ],
        wildcards: [
          {
            finding: 'Resource::*',
            reason:
              "servicecatalog:DescribeRecord defines no resource type; organizations:DescribeAccount's account ARNs embed the organization id, unknown to this stack. Both are read-only, used to complete a request after a Control Tower lifecycle event.",
          },
        ],
      };
    case 'iamUsersRead':
      return {
        statements: [
          new iam.PolicyStatement({
            actions: ['iam:GetUser', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
            resources: [users],
          }),
          LIST_USERS,
        ],
        wildcards: [
          LIST_USERS_WILDCARD,
          {
            finding: `Resource::arn:<AWS::Partition>:iam::${nag.account}:user${scope.iamUserPath}*`,
            reason: `Users are scoped to the configured IAM path ${scope.iamUserPath} (deployment config keyRotation.iamUserPath): only users the platform team placed there can be looked up.`,
          },
        ],
      };
    case 'keyRotation':
      return {
        statements: [
          new iam.PolicyStatement({
            actions: [
              'iam:GetUser',
              'iam:ListAccessKeys',
              'iam:GetAccessKeyLastUsed',
              'iam:CreateAccessKey',
              'iam:UpdateAccessKey',
              'iam:DeleteAccessKey',
            ],
            resources: [users],
          }),
          new iam.PolicyStatement({
            actions: [
              'secretsmanager:CreateSecret',
              'secretsmanager:PutSecretValue',
              'secretsmanager:PutResourcePolicy',
              'secretsmanager:DescribeSecret',
              'secretsmanager:TagResource',
              'secretsmanager:DeleteSecret',
            ],
            resources: [keySecrets],
          }),
          LIST_USERS,
        ],
        wildcards: [
          LIST_USERS_WILDCARD,
          {
            finding: `Resource::arn:<AWS::Partition>:iam::${nag.account}:user${scope.iamUserPath}*`,
            reason: `Key rotation acts only on IAM users under the configured path ${scope.iamUserPath} (deployment config keyRotation.iamUserPath).`,
          },
          {
            finding: `Resource::arn:<AWS::Partition>:secretsmanager:${nag.region}:${nag.account}:secret:${scope.secretPrefix}*`,
            reason: `New keys are stored in one secret per user, named under the configured prefix ${scope.secretPrefix}; Secrets Manager appends a random suffix to every secret ARN, so the prefix needs a trailing wildcard.`,
          },
        ],
      };
    case 'pipelinesRead': {
      const pipelineArn = (name: string) => `arn:${partition}:codepipeline:${region}:${account}:${name}`;
      const named = scope.pipelines.length > 0;
      return {
        statements: [
          // The pipeline directory (slot checks, "which pipelines are there") lists them.
          // Open AWS Health issues shown with a pipeline's status (handlers/pipeline-status/health.port.ts).
          new iam.PolicyStatement({
            actions: ['codepipeline:ListPipelines', 'health:DescribeEvents'],
            resources: ['*'],
          }),
          new iam.PolicyStatement({
            actions: [
              'codepipeline:GetPipeline',
              'codepipeline:GetPipelineState',
              'codepipeline:ListPipelineExecutions',
              'codepipeline:ListActionExecutions',
            ],
            resources: named ? scope.pipelines.map(pipelineArn) : [pipelineArn('*')],
          }),
        ],
        wildcards: [
          {
            finding: 'Resource::*',
            reason:
              "codepipeline:ListPipelines and health:DescribeEvents support only Resource '*' (pipeline names and open AWS Health events, read-only); the state and history reads below are scoped to the configured pipelines.",
          },
          ...(named
            ? []
            : [
                {
                  finding: `Resource::arn:<AWS::Partition>:codepipeline:${nag.region}:${nag.account}:*`,
                  reason:
                    'The deployment config names no pipelines, which means every pipeline in this account and region may be read (read-only state and history).',
                },
              ]),
        ],
      };
    }
    case 'pipelineActions': {
      // PutApprovalResult acts on an action (`<pipeline>/<stage>/<action>`), RetryStageExecution
      // on a stage (`<pipeline>/<stage>`); both are chosen in the conversation, under the pipeline.
      const under = (name: string) => `arn:${partition}:codepipeline:${region}:${account}:${name}/*`;
      const named = scope.pipelines.length > 0;
      return {
        statements: [
          new iam.PolicyStatement({
            actions: ['codepipeline:PutApprovalResult', 'codepipeline:RetryStageExecution'],
            resources: named ? scope.pipelines.map(under) : [under('*')],
          }),
        ],
        wildcards: named
          ? scope.pipelines.map((name) => ({
              finding: `Resource::arn:<AWS::Partition>:codepipeline:${nag.region}:${nag.account}:${name}/*`,
              reason: `Approving a manual approval action or retrying a stage of pipeline ${name} (configured in the deployment config): the stage and action are named in the approved request, so only the part below the pipeline is a wildcard.`,
            }))
          : [
              {
                finding: `Resource::arn:<AWS::Partition>:codepipeline:${nag.region}:${nag.account}:*/*`,
                reason:
                  'The deployment config names no pipelines, which means approvals and stage retries of every pipeline in this account and region may be requested (each one only after its approval policy).',
              },
            ],
      };
    }
  }
}

/** Attaches `capability` to `fn`'s role as its own policy, acknowledging its wildcards one by one. */
export function addCapabilityPolicy(
  fn: ChatOpsFunction,
  capability: Capability,
  scope: CapabilityScope,
): void {
  const { statements, wildcards } = capabilityPolicy(Stack.of(fn), capability, scope);
  const id = `${capability[0]?.toUpperCase()}${capability.slice(1)}Policy`;
  const policy = new iam.Policy(fn, id, { statements });
  fn.role.attachInlinePolicy(policy);
  for (const w of wildcards)
    Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${w.finding}]`, reason: w.reason });
}

/**
 * Attaches what the enabled extensions' capabilities declare for `fn` (infra/declared-grants.ts)
 * as its own policy: exactly the declared actions on the declared resources, each wildcard
 * resource acknowledged with the capabilities' own reasons. Nothing when no extension declares
 * anything for this function. The built-in capabilities keep their reviewed policies above; a
 * test checks that each of their declarations is inside what those grant.
 */
export function addDeclaredNeedsPolicy(
  fn: ChatOpsFunction,
  grants: readonly DeclaredGrant[],
  nagResources: readonly (readonly string[])[],
): void {
  if (grants.length === 0) return;
  const policy = new iam.Policy(fn, 'DeclaredNeedsPolicy', {
    statements: grants.map((g) => iam.PolicyStatement.fromJson(g.statement)),
  });
  fn.role.attachInlinePolicy(policy);
  grants.forEach((grant, i) => {
    for (const resource of nagResources[i] ?? []) {
      if (!resource.includes('*')) continue;
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: `Declared by ${grant.intents.join(', ')}: ${grant.reasons.join(' ')}`,
      });
    }
  });
}
