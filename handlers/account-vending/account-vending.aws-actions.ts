/**
 * The AWS actions account vending needs, as plain data for the CDK stack to grant exactly these
 * (infra reads it; nothing here calls AWS). Service Catalog provisioning of Account Factory also
 * needs the function's role to be a principal of the Account Factory portfolio, and Control Tower's
 * own role performs the account creation (https://docs.aws.amazon.com/controltower/latest/userguide/account-factory.html).
 */
import type { AwsNeed } from '../capability';

/** Look-ups of the dialog and fulfilment hooks (Organizations, read-only). */
export const accountVendingLookupActions = [
  'organizations:ListAccounts',
  'organizations:ListRoots',
  'organizations:ListOrganizationalUnitsForParent',
] as const;

/** The executor (launch), the lifecycle handler and the poller. */
export const accountVendingExecutorActions = [
  'servicecatalog:SearchProducts',
  'servicecatalog:ListProvisioningArtifacts',
  'servicecatalog:ListLaunchPaths',
  'servicecatalog:ProvisionProduct',
  'servicecatalog:DescribeRecord',
] as const;

/** Everything account vending calls. */
export const accountVendingAwsActions = [
  ...accountVendingLookupActions,
  ...accountVendingExecutorActions,
] as const;

/** VendAccount's declared needs (`Capability.awsNeeds`), resources as infra/capabilities.ts scopes them. */
export const accountVendingNeeds: readonly AwsNeed[] = [
  {
    actions: accountVendingLookupActions,
    resources: ['*'],
    by: ['codeHook'],
    why: 'Organizations look-ups: ListRoots and ListAccounts support only Resource *, and OU ARNs embed the organization id.',
  },
  {
    actions: ['servicecatalog:SearchProducts', 'servicecatalog:DescribeRecord'],
    resources: ['*'],
    by: ['executor'],
    why: 'SearchProducts and DescribeRecord define no resource type; both read-only.',
  },
  {
    actions: [
      'servicecatalog:ListProvisioningArtifacts',
      'servicecatalog:ListLaunchPaths',
      'servicecatalog:ProvisionProduct',
    ],
    resources: ['arn:{partition}:catalog:{region}:{account}:product/*'],
    by: ['executor'],
    why: 'The Account Factory product id differs per landing zone and is resolved by name at run time.',
  },
];
