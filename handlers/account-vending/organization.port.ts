/**
 * Read-side port on the AWS Organization, used to validate account-vending slots: the OUs accounts
 * may go in (nested ones included, each with its path from the root) and the accounts that exist.
 * Adapters: ./organizations-directory.ts (AWS Organizations), handlers/sandbox/sandbox-organizations.ts.
 */
export interface OrganizationalUnit {
  id: string;
  name: string;
  /** Names from the root, e.g. `Root / Workloads / Dev` (tells two OUs called `Dev` apart). */
  path: string;
}

export interface OrganizationAccount {
  id: string;
  name: string;
  email: string;
}

/** `fresh`: bypass any cache (fulfilment must never accept a stale "unused"). */
export interface LookupOptions {
  fresh?: boolean;
}

export interface OrganizationDirectory {
  /** Every organizational unit of the organization, at any depth. */
  listOrganizationalUnits(options?: LookupOptions): Promise<OrganizationalUnit[]>;
  /** Every account of the organization (every page). */
  listAccounts(options?: LookupOptions): Promise<OrganizationAccount[]>;
}
