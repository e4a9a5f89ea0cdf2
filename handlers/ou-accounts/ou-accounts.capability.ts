/**
 * ListOuAccounts (the worked example's read-only intent): the OU is checked against the
 * organization (the same check as VendAccount's), then its accounts are listed, every page.
 */
import { listOuAccountsIntent } from '../../intents/examples/list-ou-accounts.intent';
import type { AccountVendingDeps } from '../account-vending/account-vending.deps';
import { checkOrganizationalUnit, OU_ID, ouChoices } from '../account-vending/vending-checks';
import type { Capability } from '../capability';
import type { OuAccountsDeps } from './ou-accounts.port';

export const ouAccountsCapability: Capability<AccountVendingDeps & OuAccountsDeps> = {
  intent: listOuAccountsIntent.id,
  slotChecks: { OrganizationalUnit: checkOrganizationalUnit },
  slotChoices: {
    async OrganizationalUnit({ deps }) {
      return ouChoices(await deps.organization.listOrganizationalUnits());
    },
  },
  async run({ parameters }, deps) {
    // The slot check normalised the value to `Name (ou-id)`.
    const ou = parameters.OrganizationalUnit ?? '';
    const ouId = OU_ID.exec(ou)?.[1] ?? ou;
    const accounts = await deps.ouAccounts.listAccountsInOu(ouId);
    if (accounts.length === 0) return { message: `There are no accounts directly in ${ou}.` };
    const lines = accounts.map((a) => `• ${a.name} (${a.id}) ${a.email}`.trimEnd());
    const count = accounts.length === 1 ? '1 account' : `${accounts.length} accounts`;
    return { message: [`${count} in ${ou}:`, ...lines].join('\n') };
  },
  awsNeeds: [
    {
      actions: ['organizations:ListRoots', 'organizations:ListOrganizationalUnitsForParent'],
      resources: ['*'],
      by: ['codeHook'],
      why: 'Check the OU exists (ListRoots has no resource-level permission; OU ARNs embed the organization id).',
    },
    {
      actions: ['organizations:ListAccountsForParent'],
      resources: ['*'],
      by: ['codeHook'],
      why: 'List the accounts of the OU (the OU ARN embeds the organization id, which config does not name).',
    },
  ],
};
