/**
 * The AWS Organizations adapter of {@link OuAccounts}: `ListAccountsForParent`, read to the last page
 * with the SDK's paginator (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccountsForParent.html).
 */
import { type OrganizationsClient, paginateListAccountsForParent } from '@aws-sdk/client-organizations';
import type { OrganizationAccount } from '../account-vending/organization.port';
import type { OuAccounts } from './ou-accounts.port';

export class OrganizationsOuAccounts implements OuAccounts {
  constructor(private readonly client: OrganizationsClient) {}

  /** @inheritdoc */
  async listAccountsInOu(ouId: string): Promise<OrganizationAccount[]> {
    const accounts: OrganizationAccount[] = [];
    for await (const page of paginateListAccountsForParent({ client: this.client }, { ParentId: ouId })) {
      for (const a of page.Accounts ?? []) {
        if (a.Id) accounts.push({ id: a.Id, name: a.Name ?? a.Id, email: a.Email ?? '' });
      }
    }
    return accounts;
  }
}
