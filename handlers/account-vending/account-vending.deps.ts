/** What VendAccount needs from outside, and the factory that builds it from ports and config. */
import type { AccountProvisioning } from './account-provisioning';
import type { OrganizationDirectory } from './organization.port';

export interface AccountVendingDeps {
  organization: OrganizationDirectory;
  /** Launch, queue and completion of approved requests (ledger, Account Factory, chat). */
  provisioning: AccountProvisioning;
}

/**
 * VendAccount's deps from its ports (the AWS adapters in Lambda, the sandbox twins locally).
 * @example
 * const deps = accountVendingDeps({ organization: new SandboxOrganizations(world), provisioning });
 */
export function accountVendingDeps(ports: AccountVendingDeps): AccountVendingDeps {
  return { organization: ports.organization, provisioning: ports.provisioning };
}
