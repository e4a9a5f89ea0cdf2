/**
 * The pipeline list of a warm container: `ListPipelines` (every page) cached for a minute, and the
 * forgiving resolution of a spoken name against it (./pipeline-names.ts).
 */
import { matchPipelineName, type NameMatch } from './pipeline-names';
import type { PipelineListing, PipelineReader } from './pipelines.port';

/** How long the list is reused. */
export const PIPELINE_LIST_TTL_MS = 60_000;

export class PipelineDirectory {
  private cached?: { at: number; list: PipelineListing[] };

  constructor(
    private readonly reader: PipelineReader,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = PIPELINE_LIST_TTL_MS,
  ) {}

  /** Every pipeline, from the cache when it is younger than the TTL. */
  async list(): Promise<PipelineListing[]> {
    const at = this.now();
    if (this.cached && at - this.cached.at < this.ttlMs) return this.cached.list;
    const list = [...(await this.reader.listPipelines())].sort((a, b) => a.name.localeCompare(b.name));
    this.cached = { at, list };
    return list;
  }

  /** Resolves what someone said to one pipeline name, or candidates to choose from. */
  async resolve(said: string): Promise<NameMatch> {
    const names = (await this.list()).map((p) => p.name);
    return matchPipelineName(said, names);
  }
}
