/** Sandbox adapters for the read-side cloud ports, backed by {@link SandboxWorldData}. */

import { plainCopy } from '../../kernel/plain-copy';
import type { IamUserDirectory } from '../key-rotation/iam-users.port';
import type { PipelineReader, PipelineView } from '../pipeline-status/pipelines.port';
import { defaultSandboxWorld, type SandboxWorldData } from './sandbox-world';

/** Organizations look-ups live in ./sandbox-organizations.ts. */
export class SandboxCloud implements IamUserDirectory, PipelineReader {
  constructor(readonly world: SandboxWorldData = defaultSandboxWorld()) {}

  async userExists(userName: string): Promise<boolean> {
    return this.world.iamUsers.includes(userName);
  }

  async pipelineExists(name: string): Promise<boolean> {
    return this.world.pipelines.some((p) => p.name === name);
  }

  async getPipeline(name: string): Promise<PipelineView | undefined> {
    const found = this.world.pipelines.find((p) => p.name === name);
    return found ? plainCopy(found) : undefined;
  }
}
