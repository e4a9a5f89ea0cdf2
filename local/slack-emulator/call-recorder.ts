/**
 * Records every Web API call the emulator answers and lets tests and the terminal chat wait for or
 * subscribe to them. `waitForCall` resolves on a matching call made before or after it is called,
 * so there is no race between "send a signed event" and "wait for the reply".
 */
import { ChatOpsError } from '../../kernel/errors';
import type { ApiArgs, ApiResult } from './workspace';

/** One Web API call as the emulator saw it (tokens are never recorded). */
export interface RecordedCall {
  /** Web API method, e.g. `chat.postMessage`; `response_url` for posts to a response URL. */
  method: string;
  args: ApiArgs;
  /** Epoch milliseconds when the call arrived. */
  at: number;
  /** What the emulator answered. */
  result: ApiResult;
  /** True when the answer was injected by `failNext` (such calls never satisfy `waitForCall`). */
  injected: boolean;
}

export type CallListener = (call: RecordedCall) => void;
export type CallPredicate = (call: RecordedCall) => boolean;

/** No matching call arrived in time. */
export class SlackEmulatorTimeoutError extends ChatOpsError {
  constructor(method: string, timeoutMs: number) {
    super('SLACK_EMULATOR_TIMEOUT', `No matching ${method} call within ${timeoutMs} ms.`, {
      method,
      timeoutMs,
    });
  }
}

/** The emulator stopped while someone was still waiting for a call. */
export class SlackEmulatorStoppedError extends ChatOpsError {
  constructor(method: string) {
    super('SLACK_EMULATOR_STOPPED', `The Slack emulator stopped while waiting for ${method}.`, { method });
  }
}

/** Keeps the calls and notifies listeners. */
export class CallRecorder {
  readonly calls: RecordedCall[] = [];
  private readonly listeners = new Set<CallListener>();
  private readonly stoppers = new Set<() => void>();

  record(call: RecordedCall): void {
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener(call);
  }

  onCall(listener: CallListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  clear(): void {
    this.calls.length = 0;
  }

  waitForCall(
    method: string,
    predicate: CallPredicate = () => true,
    timeoutMs = 10_000,
  ): Promise<RecordedCall> {
    const matches = (c: RecordedCall) => c.method === method && !c.injected && predicate(c);
    const past = this.calls.find(matches);
    if (past) return Promise.resolve(past);
    return new Promise<RecordedCall>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
        this.stoppers.delete(onStop);
      };
      const onStop = () => {
        done();
        reject(new SlackEmulatorStoppedError(method));
      };
      const timer = setTimeout(() => {
        done();
        reject(new SlackEmulatorTimeoutError(method, timeoutMs));
      }, timeoutMs);
      const unsubscribe = this.onCall((call) => {
        if (!matches(call)) return;
        done();
        resolve(call);
      });
      this.stoppers.add(onStop);
    });
  }

  /** Rejects every pending `waitForCall` and drops listeners. */
  close(): void {
    for (const stop of [...this.stoppers]) stop();
    this.listeners.clear();
  }
}
