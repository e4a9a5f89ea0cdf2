/** A recording twin of the outbound Slack port for unit tests. */
import type { Blocks, OutgoingMessage, SlackGateway, UserProfile } from '../../../../bot/slack/slack-gateway';

export interface RecordedSlackCall {
  method: string;
  args: Record<string, unknown>;
}

export class RecordingSlack implements SlackGateway {
  readonly calls: RecordedSlackCall[] = [];
  profiles: Record<string, UserProfile> = {
    UALICE0001: { name: 'Alice Example', email: 'alice@example.com', teamId: 'T0SANDBOX', guest: false },
    UBOB00001: { name: 'Bob Example', email: 'bob@example.com', teamId: 'T0SANDBOX', guest: false },
    UCAROL0001: { name: 'Carol Example', email: 'carol@example.com', teamId: 'T0SANDBOX', guest: false },
    /** A multi-channel guest of the sandbox team (`is_restricted`). */
    UGUEST0001: { name: 'Gina Guest', email: 'gina@partner.example', teamId: 'T0SANDBOX', guest: true },
    /** A Slack Connect user of another organisation, seen in a shared channel. */
    UOTHER0001: { name: 'Oscar Other', email: 'oscar@other.example', teamId: 'T0OTHERORG', guest: false },
  };
  groups: Record<string, string[]> = {};
  /** Methods that throw on their next call. */
  failing = new Set<string>();
  /** Methods that throw on every call (a Slack outage of that method). */
  down = new Set<string>();
  private seq = 0;

  of(method: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private record(method: string, args: Record<string, unknown>): void {
    this.calls.push({ method, args });
    if (this.failing.delete(method) || this.down.has(method)) throw new Error(`${method} failed (test)`);
  }

  async postMessage(message: OutgoingMessage): Promise<{ channel: string; ts: string }> {
    this.record('postMessage', { ...message });
    this.seq += 1;
    return { channel: message.channel, ts: `1700000500.${String(this.seq).padStart(6, '0')}` };
  }

  async updateMessage(message: OutgoingMessage & { ts: string }): Promise<void> {
    this.record('updateMessage', { ...message });
  }

  async postEphemeral(message: OutgoingMessage & { user: string }): Promise<void> {
    this.record('postEphemeral', { ...message });
  }

  async respond(
    responseUrl: string,
    message: { text: string; blocks?: Blocks; replaceOriginal?: boolean },
  ): Promise<void> {
    this.record('respond', { responseUrl, ...message });
  }

  async openDm(userId: string): Promise<string> {
    this.record('openDm', { userId });
    return `D${userId.slice(1)}`;
  }

  async publishHome(userId: string, view: { type: 'home'; blocks: Blocks }): Promise<void> {
    this.record('publishHome', { userId, view });
  }

  async userProfile(userId: string): Promise<UserProfile | undefined> {
    this.record('userProfile', { userId });
    return this.profiles[userId];
  }

  async userGroupMembers(userGroupId: string): Promise<string[]> {
    this.record('userGroupMembers', { userGroupId });
    return this.groups[userGroupId] ?? [];
  }
}
