/** Sandbox adapters for the read-side cloud ports, backed by {@link SandboxWorldData}. */

import { plainCopy } from '../../kernel/plain-copy';
import type { OrganizationalUnit, OrganizationDirectory } from '../account-vending/organization.port';
import type { PipelineReader, PipelineView } from '../pipeline-status/pipelines.port';
import { defaultSandboxWorld, type SandboxWorldData } from './sandbox-world';

export class SandboxCloud implements OrganizationDirectory, PipelineReader {
  constructor(readonly world: SandboxWorldData = defaultSandboxWorld()) {}

  async listOrganizationalUnits(): Promise<OrganizationalUnit[]> {
    return this.world.organizationalUnits.map((ou) => ({ ...ou }));
  }

  async isAccountEmailInUse(email: string): Promise<boolean> {
    const wanted = email.toLowerCase();
    return this.world.accounts.some((a) => a.email.toLowerCase() === wanted);
  }

  async pipelineExists(name: string): Promise<boolean> {
    return this.world.pipelines.some((p) => p.name === name);
  }

  async getPipeline(name: string): Promise<PipelineView | undefined> {
    const found = this.world.pipelines.find((p) => p.name === name);
    return found ? plainCopy(found) : undefined;
  }
}
