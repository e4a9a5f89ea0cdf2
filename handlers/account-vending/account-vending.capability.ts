/**
 * VendAccount: slot checks with real look-ups (./vending-checks.ts), the OU buttons, the plan
 * shown to approvers, and the launch of an approved request into Account Factory, which completes
 * later from a lifecycle event or the poller (./account-provisioning.ts owns those transitions).
 */
import { vendAccountIntent } from '../../intents/vend-account.intent';
import type { Capability } from '../capability';
import { accountVendingNeeds } from './account-vending.aws-actions';
import type { AccountVendingDeps } from './account-vending.deps';
import {
  accountEmailKey,
  accountNameKey,
  checkAccountEmail,
  checkAccountName,
  checkAccountType,
  checkOrganizationalUnit,
  ouChoices,
} from './vending-checks';

export { checkAccountName } from './vending-checks';

/** The AWS calls provisioning will make, in plain words. */
export function accountVendingPlan(
  parameters: Readonly<Record<string, string>>,
  config: { accountFactory: { productName: string } },
): string[] {
  const p = parameters;
  return [
    `Service Catalog: find the product "${config.accountFactory.productName}" (SearchProducts), its active default provisioning artifact (ListProvisioningArtifacts) and launch path (ListLaunchPaths).`,
    `Service Catalog ProvisionProduct of ${config.accountFactory.productName} (its active provisioning artifact, resolved at run time), ProvisionToken = the request id (so it runs once), with AccountName=${p.AccountName ?? '?'}, AccountEmail=${p.AccountEmail ?? '?'}, ManagedOrganizationalUnit=${p.OrganizationalUnit ?? '?'}; SSOUserEmail, SSOUserFirstName and SSOUserLastName are the requester's, from their verified Slack profile.`,
    `Result: a new ${p.AccountType ?? '?'} AWS account enrolled by AWS Control Tower in ${p.OrganizationalUnit ?? '?'}.`,
    'Control Tower: wait for the CreateManagedAccount lifecycle event, polling DescribeRecord as a fallback.',
  ];
}

export const accountVendingCapability: Capability<AccountVendingDeps> = {
  intent: vendAccountIntent.id,
  plan: accountVendingPlan,
  awsNeeds: accountVendingNeeds,
  risk: (p) => (p.AccountType === 'Production' ? 'high' : 'medium'),
  // No two open requests for one account name or email, even when filed at the same instant.
  uniqueKeys: (p) => [
    ...(p.AccountName ? [accountNameKey(p.AccountName)] : []),
    ...(p.AccountEmail ? [accountEmailKey(p.AccountEmail)] : []),
  ],
  launch: ({ request }, deps) => deps.provisioning.launch(request),
  slotChecks: {
    AccountName: checkAccountName,
    AccountEmail: checkAccountEmail,
    OrganizationalUnit: checkOrganizationalUnit,
    AccountType: checkAccountType,
  },
  slotChoices: {
    async OrganizationalUnit({ deps }) {
      return ouChoices(await deps.organization.listOrganizationalUnits());
    },
  },
};
