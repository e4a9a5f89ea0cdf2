/** Sandbox twin of {@link OuAccounts} over the sandbox world (vended sandbox accounts appear too). */
import type { OrganizationAccount } from '../account-vending/organization.port';
import type { SandboxWorldData } from '../sandbox/sandbox-world';
import type { OuAccounts } from './ou-accounts.port';

export class SandboxOuAccounts implements OuAccounts {
  constructor(private readonly world: SandboxWorldData) {}

  /** @inheritdoc */
  async listAccountsInOu(ouId: string): Promise<OrganizationAccount[]> {
    return this.world.accounts
      .filter((a) => a.ou === ouId)
      .map(({ id, name, email }) => ({ id, name, email }));
  }
}
