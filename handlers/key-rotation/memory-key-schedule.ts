/** In-memory twin of {@link KeySchedule} (unit tests, the memory-store local stack). */
import { plainCopy } from '../../kernel/plain-copy';
import { KeyScheduleConflictError } from './key-rotation.errors';
import {
  applyRetirementChange,
  initialRetirement,
  type KeyRetirement,
  type KeySchedule,
  type NewRetirement,
  type RetirementAction,
  type RetirementChange,
  type RetirementEvent,
} from './key-schedule.port';

export class MemoryKeySchedule implements KeySchedule {
  private readonly items = new Map<string, KeyRetirement>();
  private readonly events: RetirementEvent[] = [];

  async schedule(input: NewRetirement, actor: string, at: string): Promise<KeyRetirement> {
    const existing = this.items.get(input.id);
    if (existing) return plainCopy(existing);
    const { item, audit } = initialRetirement(input, actor, at);
    this.items.set(item.id, item);
    this.events.push(audit);
    return plainCopy(item);
  }

  async get(id: string): Promise<KeyRetirement | undefined> {
    const item = this.items.get(id);
    return item ? plainCopy(item) : undefined;
  }

  async listOpen(): Promise<KeyRetirement[]> {
    return [...this.items.values()]
      .filter((i) => i.state !== 'DELETED')
      .sort((a, b) => a.deactivateAt.localeCompare(b.deactivateAt))
      .map((i) => plainCopy(i));
  }

  async update(
    current: KeyRetirement,
    change: RetirementChange,
    event: { actor: string; action: RetirementAction; at: string; details?: Record<string, string> },
  ): Promise<KeyRetirement> {
    const stored = this.items.get(current.id);
    if (!stored || stored.version !== current.version) throw new KeyScheduleConflictError(current.id);
    const { next, audit } = applyRetirementChange(stored, change, event);
    this.items.set(next.id, next);
    this.events.push(audit);
    return plainCopy(next);
  }

  async history(id: string): Promise<RetirementEvent[]> {
    return this.events.filter((e) => e.id === id).map((e) => plainCopy(e));
  }
}
