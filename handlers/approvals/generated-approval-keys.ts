/**
 * Local approval keys: 32 random bytes generated once per process start (the local stack and
 * tests). Nothing prints them; a restart invalidates earlier links, which is what a sandbox wants.
 */
import { randomBytes } from 'node:crypto';
import type { ApprovalKeyProvider, ApprovalKeys } from './approval-key.port';

export class GeneratedApprovalKeys implements ApprovalKeyProvider {
  private readonly value: ApprovalKeys;

  constructor(keys?: ApprovalKeys) {
    this.value = keys ?? { current: randomBytes(32) };
  }

  async keys(): Promise<ApprovalKeys> {
    return this.value;
  }

  /** Serialising this object never shows the key (e.g. a logger given the deps). */
  toJSON(): string {
    return '[GeneratedApprovalKeys]';
  }
}
