/**
 * VendAccount slot checks with real look-ups (DESIGN §2 step 3), the plan shown to approvers, and
 * the executor of an approved request. Execution through Account Factory arrives with the
 * account-vending issue; until then the executor is the sandbox one (clearly labelled).
 */
import { vendAccountIntent } from '../../intents/vend-account.intent';
import type { Capability, SlotCheck } from '../capability';
import { sandboxVendAccount } from '../sandbox/sandbox-executors';
import type { AccountVendingDeps } from './account-vending.deps';

const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{1,48}[A-Za-z0-9]$/;
// Pragmatic address check (local@domain.tld); AWS account root emails are at most 64 characters.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
const OU_WITH_ID = /^(.*)\((ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})\)\s*$/;

const fail = (message: string): SlotCheck => ({ ok: false, message });

export async function checkAccountName(value: string): Promise<SlotCheck> {
  const name = value.trim();
  if (ACCOUNT_NAME.test(name)) return { ok: true, value: name };
  return fail(
    `"${name.slice(0, 60)}" is not a valid account name: use 3 to 50 letters, digits or hyphens, starting and ending with a letter or digit (e.g. data-lab).`,
  );
}

/** The AWS calls provisioning will make (first version; the approvals issue refines it). */
export function accountVendingPlan(
  parameters: Readonly<Record<string, string>>,
  config: { accountFactory: { productName: string } },
): string[] {
  const p = parameters;
  return [
    `Service Catalog ProvisionProduct of ${config.accountFactory.productName} (its active provisioning artifact, resolved at run time), ProvisionToken = the request id, with AccountName=${p.AccountName ?? '?'}, AccountEmail=${p.AccountEmail ?? '?'}, ManagedOrganizationalUnit=${p.OrganizationalUnit ?? '?'}, SSOUserEmail=${p.AccountEmail ?? '?'}.`,
    `Result: a new ${p.AccountType ?? '?'} AWS account enrolled by AWS Control Tower in ${p.OrganizationalUnit ?? '?'}.`,
    'Control Tower: wait for the CreateManagedAccount lifecycle event, polling DescribeRecord as a fallback.',
  ];
}

export const accountVendingCapability: Capability<AccountVendingDeps> = {
  intent: vendAccountIntent.id,
  plan: accountVendingPlan,
  risk: (p) => (p.AccountType === 'Production' ? 'high' : 'medium'),
  execute: sandboxVendAccount,
  slotChecks: {
    AccountName: checkAccountName,
    async AccountEmail(value, { deps, config }) {
      const email = value.trim().toLowerCase();
      if (email.length > 64 || !EMAIL.test(email)) {
        return fail(
          `"${value.slice(0, 70)}" is not a valid email address (at most 64 characters, e.g. dana@example.com).`,
        );
      }
      const domains = config.accountFactory.allowedEmailDomains;
      const domain = email.split('@')[1] ?? '';
      if (domains.length > 0 && !domains.includes(domain)) {
        return fail(
          `Account emails must be at one of these domains: ${domains.join(', ')}. Which email should own the account?`,
        );
      }
      if (await deps.organization.isAccountEmailInUse(email)) {
        return fail(
          `${email} already owns an AWS account in this organization. Please give an unused email address.`,
        );
      }
      return { ok: true, value: email };
    },
    async OrganizationalUnit(value, { deps }) {
      const ous = await deps.organization.listOrganizationalUnits();
      const byId = OU_WITH_ID.exec(value)?.[2];
      const wanted = value.trim().toLowerCase();
      const ou = ous.find((o) => o.id === byId || o.id === wanted || o.name.toLowerCase() === wanted);
      if (ou) return { ok: true, value: `${ou.name} (${ou.id})` };
      return fail(
        `There is no organizational unit "${value.slice(0, 60)}". Choose one of: ${ous.map((o) => o.name).join(', ')}.`,
      );
    },
    async AccountType(value) {
      const match = ['Sandbox', 'Production'].find((t) => t.toLowerCase() === value.trim().toLowerCase());
      return match ? { ok: true, value: match } : fail('The account type must be Sandbox or Production.');
    },
  },
};
