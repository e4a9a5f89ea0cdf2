/**
 * The one typed configuration (DESIGN §6 rule 4), validated with zod at start. Roles are keyed by
 * verified Slack user ids and user-group ids; nothing here is a secret (secrets come from Secrets
 * Manager or the environment and never enter this object).
 */
import * as z from 'zod';
import { APPROVAL_POLICIES } from '../../intents/define-intent';

const slackTeamId = z.string().regex(/^T[A-Z0-9]{2,}$/, 'must be a Slack team id such as T0123ABCD');
const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id such as U0123ABCD');
const slackUserGroupId = z
  .string()
  .regex(/^S[A-Z0-9]{2,}$/, 'must be a Slack user-group id such as S0123ABCD');
const slackChannelId = z
  .string()
  .regex(/^[CGD][A-Z0-9]{2,}$/, 'must be a Slack channel id such as C0123ABCD');
const roleName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a lower-case role name such as approver');
const iamUserName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, 'must be an IAM user name (1-64 of A-Z a-z 0-9 +=,.@_-)');

export const configSchema = z
  .object({
    slack: z.object({
      teamId: z
        .string()
        .regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack team id such as T0123ABCD')
        .optional(),
      /** More workspaces of the organisation (Enterprise Grid); `teamId` stays accepted. */
      teamIds: z.array(slackTeamId).min(1, 'needs at least one team id when set').optional(),
      /** The Enterprise Grid organisation: every workspace of it is accepted. */
      enterpriseId: z
        .string()
        .regex(/^E[A-Z0-9]{2,}$/, 'must be a Slack enterprise id such as E0123ABCD')
        .optional(),
      /** Guests (`is_restricted` / `is_ultra_restricted`): refused (default) or read-only intents only. */
      guests: z.enum(['refuse', 'readOnly']).default('refuse'),
      approversChannel: slackChannelId,
    }),
    users: z
      .array(
        z.object({
          slackUserId,
          roles: z.array(roleName).default([]),
          iamUser: iamUserName.optional(),
          /** The user's work email: links their Slack approvals with their email approvals (one person, one vote). */
          email: z.email('must be an email address').optional(),
        }),
      )
      .default([]),
    userGroups: z.array(z.object({ slackUserGroupId, roles: z.array(roleName).min(1) })).default([]),
    approvers: z
      .object({
        /** Who gets the approval email (one SNS publish each, routed by a filter policy). */
        emails: z.array(z.email('must be an email address')).min(1, 'needs at least one approver email'),
        /** Slack users who may press Approve / Reject (users with the `approver` role may too). */
        slackUserIds: z.array(slackUserId).default([]),
        /** Slack user groups whose members may press Approve / Reject. */
        userGroupIds: z.array(slackUserGroupId).default([]),
        /** Hours an approval stays open (and a link stays valid). */
        ttlHours: z.number().int().min(1).max(168).default(24),
      })
      .strict(),
    intents: z
      .record(
        z.string(),
        z
          .object({
            approval: z.enum(APPROVAL_POLICIES).optional(),
            /** Distinct approvers needed (2 = the two-person rule); a single reject still rejects. */
            quorum: z.number().int().min(1, 'must be at least 1').max(5, 'must be at most 5').optional(),
            roles: z.array(roleName).optional(),
          })
          .strict(),
      )
      .default({}),
    keyRotation: z
      .object({
        deactivateAfterDays: z.number().int().min(1).max(90).default(7),
        deleteAfterDays: z.number().int().min(1).max(180).default(14),
        /** Keys older than this are "due" (ListDueAccessKeys). */
        maxKeyAgeDays: z.number().int().min(1).max(3650).default(90),
        /** The new key's secret is `<secretPrefix><user>`. */
        secretPrefix: z
          .string()
          .regex(/^[\w/+=.@-]{1,400}\/$/, 'must be a Secrets Manager name prefix ending in /')
          .default('chatops/access-keys/'),
        /** KMS key (id, ARN or alias/...) that encrypts the secrets; unset = aws/secretsmanager. */
        kmsKeyId: z.string().min(1).max(2048).optional(),
        /** A role that may also read every key secret (break glass); unset = only the owner. */
        breakGlassRoleArn: z
          .string()
          .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, 'must be an IAM role ARN')
          .optional(),
        /** The IAM path of the users ChatOps may rotate (scopes the CDK grants). */
        iamUserPath: z
          .string()
          .regex(/^\/([\w+=,.@-]+\/)*$/, 'must be an IAM path such as / or /people/')
          .default('/'),
      })
      .default({
        deactivateAfterDays: 7,
        deleteAfterDays: 14,
        maxKeyAgeDays: 90,
        secretPrefix: 'chatops/access-keys/',
        iamUserPath: '/',
      })
      .refine((k) => k.deleteAfterDays > k.deactivateAfterDays, {
        message: 'deleteAfterDays must be later than deactivateAfterDays',
        path: ['deleteAfterDays'],
      }),
    accountFactory: z
      .object({
        productName: z.string().min(1).default('AWS Control Tower Account Factory'),
        maxConcurrentProvisions: z.number().int().min(1).max(5).default(5),
        allowedEmailDomains: z
          .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain'))
          .default([]),
      })
      .default({
        productName: 'AWS Control Tower Account Factory',
        maxConcurrentProvisions: 5,
        allowedEmailDomains: [],
      }),
    pipelines: z
      .object({
        channels: z.record(z.string().min(1), slackChannelId).default({}),
        /** Where a pipeline without a channel of its own is announced (else the approvers channel). */
        defaultChannel: slackChannelId.optional(),
        /** Pipeline execution states announced (EventBridge `detail.state`). */
        notifyStates: z.array(z.string().regex(/^[A-Z]+$/)).default(['FAILED', 'SUCCEEDED', 'STOPPED']),
        /** Also announce stage / action execution state changes (only those in `notifyStates`). */
        stageEvents: z.boolean().default(false),
        actionEvents: z.boolean().default(false),
      })
      .default({
        channels: {},
        notifyStates: ['FAILED', 'SUCCEEDED', 'STOPPED'],
        stageEvents: false,
        actionEvents: false,
      }),
    /**
     * The worked example of extending ChatOps (ListOuAccounts, JoinIdentityCenterGroup;
     * handlers/examples/): off by default. `enabled: true` adds its intents to the catalog, hence
     * to the Lex bot, help, App Home and grants.
     */
    examples: z
      .object({
        enabled: z.boolean().default(false),
        /** JoinIdentityCenterGroup: temporary membership of an IAM Identity Center group. */
        groupAccess: z
          .object({
            /** The identity store (IAM Identity Center → Settings → Identity source), e.g. `d-1234567890`. */
            identityStoreId: z
              .string()
              .regex(
                /^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
                'must be an identity store id (d-0123456789)',
              )
              .optional(),
            /** The groups (display names) a requester may join; any other name is refused. */
            allowedGroups: z
              .array(z.string().regex(/^[\w+=,.@ -]{1,128}$/, 'must be a group display name'))
              .default([]),
            /** The longest membership one request grants, in hours. */
            maxHours: z.number().int().min(1).max(24).default(8),
          })
          .strict()
          .default({ allowedGroups: [], maxHours: 8 }),
      })
      .strict()
      .default({ enabled: false, groupAccess: { allowedGroups: [], maxHours: 8 } }),
    ledger: z
      .object({ retentionDays: z.number().int().min(1).max(3650).default(400) })
      .default({ retentionDays: 400 }),
  })
  .strict();

/** Input shape (defaults optional). */
export type ChatOpsConfigInput = z.input<typeof configSchema>;
/** Validated shape (defaults filled). */
export type ChatOpsConfig = z.output<typeof configSchema>;
