/** What VendAccount needs from outside, and the factory that builds it from ports and config. */
import type { OrganizationDirectory } from './organization.port';

export interface AccountVendingDeps {
  organization: OrganizationDirectory;
}

/**
 * VendAccount's deps from its ports (the Organizations adapter in AWS, the sandbox world locally).
 * @example
 * const deps = accountVendingDeps({ organization: new SandboxCloud() });
 */
export function accountVendingDeps(ports: { organization: OrganizationDirectory }): AccountVendingDeps {
  return { organization: ports.organization };
}
