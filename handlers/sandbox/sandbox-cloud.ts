/** Sandbox adapters for the read-side cloud ports, backed by {@link SandboxWorldData} (pipelines: ./sandbox-codepipeline.ts). */

import type { OrganizationalUnit, OrganizationDirectory } from '../account-vending/organization.port';
import { defaultSandboxWorld, type SandboxWorldData } from './sandbox-world';

export class SandboxCloud implements OrganizationDirectory {
  constructor(readonly world: SandboxWorldData = defaultSandboxWorld()) {}

  async listOrganizationalUnits(): Promise<OrganizationalUnit[]> {
    return this.world.organizationalUnits.map((ou) => ({ ...ou }));
  }

  async isAccountEmailInUse(email: string): Promise<boolean> {
    const wanted = email.toLowerCase();
    return this.world.accounts.some((a) => a.email.toLowerCase() === wanted);
  }
}
