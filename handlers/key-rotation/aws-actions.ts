/**
 * The AWS permissions key rotation needs, as plain data for the CDK stack (DESIGN §6 rule 8: least
 * privilege, no `*` actions, resources scoped). Resource patterns come from config: the IAM user
 * path (`keyRotation.iamUserPath`), the secret prefix (`keyRotation.secretPrefix`) and the KMS key
 * (`keyRotation.kmsKeyId`). `{partition}`, `{region}` and `{account}` are filled in by the stack.
 * Which function needs which: the code hook (dialog look-ups, ListDueAccessKeys), the executor
 * (rotation) and the sweeper.
 */
import type { AwsNeed } from '../capability';
import type { ChatOpsConfig } from '../config/config.schema';

export interface AwsGrant {
  /** Which Lambda function needs it. */
  functions: readonly ('codeHook' | 'executor' | 'sweeper')[];
  actions: readonly string[];
  resources: readonly string[];
  /** IAM condition block, when the grant needs one. */
  conditions?: Record<string, Record<string, string>>;
  /** Why, for the reader of the synthesized policy. */
  reason: string;
}

/** The IAM actions of key rotation, by what uses them (for tests and documentation). */
export const keyRotationAwsActions = [
  'iam:GetUser',
  'iam:ListUsers',
  'iam:ListAccessKeys',
  'iam:GetAccessKeyLastUsed',
  'iam:CreateAccessKey',
  'iam:UpdateAccessKey',
  'iam:DeleteAccessKey',
  'secretsmanager:CreateSecret',
  'secretsmanager:TagResource',
  'secretsmanager:PutResourcePolicy',
  'secretsmanager:PutSecretValue',
  'kms:GenerateDataKey',
  'kms:Decrypt',
] as const;

/** The grants with resource patterns from `config` (the secret's `-??????` is Secrets Manager's suffix). */
export function keyRotationGrants(config: ChatOpsConfig): AwsGrant[] {
  const { iamUserPath, secretPrefix, kmsKeyId } = config.keyRotation;
  const users = `arn:{partition}:iam::{account}:user${iamUserPath}*`;
  const secrets = `arn:{partition}:secretsmanager:{region}:{account}:secret:${secretPrefix}*`;
  const grants: AwsGrant[] = [
    {
      functions: ['codeHook', 'executor', 'sweeper'],
      actions: ['iam:GetUser', 'iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'],
      resources: [users],
      reason: 'Validate the IAM user and read its keys and their last use (dialog, due keys, sweeper).',
    },
    {
      functions: ['codeHook'],
      // ListUsers has no resource-level permission: Resource '*' only (as infra/capabilities.ts grants
      // it); the adapter passes the configured PathPrefix.
      actions: ['iam:ListUsers'],
      resources: ['*'],
      reason:
        "An admin asking which keys are due lists the users under the configured path (iam:ListUsers supports only Resource '*').",
    },
    {
      functions: ['executor'],
      actions: ['iam:CreateAccessKey', 'iam:DeleteAccessKey'],
      resources: [users],
      reason: 'Create the new key; delete an inactive second key, or the new key on rollback.',
    },
    {
      functions: ['sweeper'],
      actions: ['iam:UpdateAccessKey', 'iam:DeleteAccessKey'],
      resources: [users],
      reason: 'Deactivate, then delete, the old key on schedule.',
    },
    {
      functions: ['executor'],
      actions: [
        'secretsmanager:CreateSecret',
        'secretsmanager:TagResource',
        'secretsmanager:PutResourcePolicy',
        'secretsmanager:PutSecretValue',
      ],
      resources: [secrets],
      reason: 'Store the new key in the owner-only secret; ChatOps never reads it (no GetSecretValue).',
    },
  ];
  if (kmsKeyId) {
    grants.push({
      functions: ['executor'],
      // "the user must have kms:GenerateDataKey and kms:Decrypt" for a secret value under a customer
      // managed key (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html),
      // only through Secrets Manager.
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [
        kmsKeyId.startsWith('arn:') ? kmsKeyId : `arn:{partition}:kms:{region}:{account}:${kmsKeyId}`,
      ],
      conditions: { StringEquals: { 'kms:ViaService': 'secretsmanager.{region}.amazonaws.com' } },
      reason: 'Secrets Manager encrypts the new secret value with the configured KMS key on our behalf.',
    });
  }
  return grants;
}

/** The grants as the capabilities' declared needs (`Capability.awsNeeds`). */
export function keyRotationNeeds(config: ChatOpsConfig): AwsNeed[] {
  return keyRotationGrants(config).map((g) => ({
    actions: g.actions,
    resources: g.resources,
    by: g.functions,
    why: g.reason,
    ...(g.conditions ? { conditions: g.conditions } : {}),
  }));
}
