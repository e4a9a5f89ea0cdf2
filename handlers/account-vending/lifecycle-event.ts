/**
 * The Control Tower lifecycle events that end an account vending, as EventBridge delivers them
 * (source `aws.controltower`, detail-type `AWS Service Event via CloudTrail`, `detail.eventName`
 * `CreateManagedAccount` or `UpdateManagedAccount`, and
 * `detail.serviceEventDetails.createManagedAccountStatus` / `updateManagedAccountStatus` with
 * `state` `SUCCEEDED | FAILED`, `account.accountName`, `account.accountId`, `organizationalUnit`
 * and `message`; https://docs.aws.amazon.com/controltower/latest/userguide/lifecycle-events.html).
 * Parsed with zod: anything else is "not a lifecycle event" rather than an error.
 */
import * as z from 'zod';

const statusSchema = z.object({
  organizationalUnit: z
    .object({ organizationalUnitName: z.string().optional(), organizationalUnitId: z.string().optional() })
    .optional(),
  account: z.object({ accountName: z.string().min(1), accountId: z.string().optional() }),
  state: z.string(),
  message: z.string().optional(),
  requestedTimestamp: z.string().optional(),
  completedTimestamp: z.string().optional(),
});

type StatusDetail = z.infer<typeof statusSchema>;

const eventSchema = z.object({
  source: z.literal('aws.controltower'),
  detail: z.object({
    eventName: z.enum(['CreateManagedAccount', 'UpdateManagedAccount']),
    serviceEventDetails: z.object({
      createManagedAccountStatus: statusSchema.optional(),
      updateManagedAccountStatus: statusSchema.optional(),
    }),
  }),
});

/** What completion needs from one lifecycle event. */
export interface LifecycleOutcome {
  eventName: 'CreateManagedAccount' | 'UpdateManagedAccount';
  state: 'SUCCEEDED' | 'FAILED';
  accountName: string;
  accountId?: string;
  organizationalUnitId?: string;
  message?: string;
}

/** The outcome an event reports, or `undefined` when it is not a finished account lifecycle event. */
export function parseLifecycleEvent(event: unknown): LifecycleOutcome | undefined {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return undefined;
  const { eventName, serviceEventDetails: d } = parsed.data.detail;
  const status =
    eventName === 'CreateManagedAccount' ? d.createManagedAccountStatus : d.updateManagedAccountStatus;
  if (!status || (status.state !== 'SUCCEEDED' && status.state !== 'FAILED')) return undefined;
  const ouId = status.organizationalUnit?.organizationalUnitId;
  return {
    eventName,
    state: status.state,
    accountName: status.account.accountName,
    ...(status.account.accountId ? { accountId: status.account.accountId } : {}),
    ...(ouId ? { organizationalUnitId: ouId } : {}),
    ...(status.message ? { message: status.message } : {}),
  };
}

export interface LifecycleEventInput {
  state: 'SUCCEEDED' | 'FAILED';
  account: { name: string; id?: string };
  organizationalUnit: { name: string; id: string };
  message: string;
  requestedAt: string;
  completedAt: string;
  region: string;
  managementAccountId: string;
}

/** A `CreateManagedAccount` event in Control Tower's shape (the sandbox world emits these). */
export function createManagedAccountEvent(input: LifecycleEventInput): Record<string, unknown> {
  const status: StatusDetail = {
    organizationalUnit: {
      organizationalUnitName: input.organizationalUnit.name,
      organizationalUnitId: input.organizationalUnit.id,
    },
    account: {
      accountName: input.account.name,
      ...(input.account.id ? { accountId: input.account.id } : {}),
    },
    state: input.state,
    message: input.message,
    requestedTimestamp: input.requestedAt,
    completedTimestamp: input.completedAt,
  };
  return {
    version: '0',
    id: `sandbox-${input.account.name}-${input.completedAt}`,
    'detail-type': 'AWS Service Event via CloudTrail',
    source: 'aws.controltower',
    account: input.managementAccountId,
    time: input.completedAt,
    region: input.region,
    resources: [],
    detail: {
      eventVersion: '1.08',
      userIdentity: { accountId: input.managementAccountId, invokedBy: 'AWS Internal' },
      eventTime: input.completedAt,
      eventSource: 'controltower.amazonaws.com',
      eventName: 'CreateManagedAccount',
      awsRegion: input.region,
      sourceIPAddress: 'AWS Internal',
      userAgent: 'AWS Internal',
      eventID: `sandbox-${input.account.name}`,
      readOnly: false,
      eventType: 'AwsServiceEvent',
      serviceEventDetails: { createManagedAccountStatus: status },
    },
  };
}
