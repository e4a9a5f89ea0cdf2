/**
 * ListOuAccounts' port (the worked example): the accounts directly in one organizational unit.
 * Adapters: ./organizations-ou-accounts.ts (AWS Organizations), ./sandbox-ou-accounts.ts (twin).
 */
import type { OrganizationAccount } from '../account-vending/organization.port';

export interface OuAccounts {
  /** Every account whose parent is `ouId` (every page), in the order AWS returns them. */
  listAccountsInOu(ouId: string): Promise<OrganizationAccount[]>;
}

/** ListOuAccounts' own deps (its capability also uses account vending's `organization` look-up). */
export interface OuAccountsDeps {
  ouAccounts: OuAccounts;
}
