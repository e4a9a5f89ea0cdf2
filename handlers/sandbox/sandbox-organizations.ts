/** Sandbox twin of the Organizations look-ups (OUs with their paths, accounts), over the sandbox world. */
import type {
  OrganizationAccount,
  OrganizationalUnit,
  OrganizationDirectory,
} from '../account-vending/organization.port';
import { defaultSandboxWorld, type SandboxWorldData } from './sandbox-world';

export class SandboxOrganizations implements OrganizationDirectory {
  constructor(readonly world: SandboxWorldData = defaultSandboxWorld()) {}

  /** @inheritdoc */
  async listOrganizationalUnits(): Promise<OrganizationalUnit[]> {
    return this.world.organizationalUnits.map((ou) => ({ ...ou }));
  }

  /** @inheritdoc */
  async listAccounts(): Promise<OrganizationAccount[]> {
    return this.world.accounts.map(({ id, name, email }) => ({ id, name, email }));
  }
}
