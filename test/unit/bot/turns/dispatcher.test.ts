import { InProcessDispatcher, QueueDispatcher, type TurnQueue } from '../../../../bot/turns/dispatcher';
import type { Turn } from '../../../../bot/turns/turn';
import type { TurnResult, TurnRunner } from '../../../../bot/turns/turn-runner';
import type { Deduplicator } from '../../../../handlers/ledger/dedup.port';
import { MemoryDeduplicator } from '../../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { homeTurn, utteranceTurn } from '../support/turns';

class ScriptedRunner implements TurnRunner {
  readonly ran: string[] = [];
  constructor(private readonly results: (TurnResult | Error)[] = []) {}
  async run(turn: Turn): Promise<TurnResult> {
    this.ran.push(turn.id);
    const next = this.results.shift() ?? { status: 'done' };
    if (next instanceof Error) throw next;
    return next;
  }
}

describe('InProcessDispatcher', () => {
  it('runs a turn once however many times it is delivered', async () => {
    // Prepare
    const runner = new ScriptedRunner();
    const dispatcher = new InProcessDispatcher(new MemoryDeduplicator(), runner, silentLogger);
    const turn = utteranceTurn();

    // Act
    const results = [
      await dispatcher.dispatch(turn),
      await dispatcher.dispatch(turn),
      await dispatcher.dispatch(turn),
    ];
    await dispatcher.drain();

    // Assess
    expect(results).toEqual(['accepted', 'duplicate', 'duplicate']);
    expect(runner.ran).toEqual([turn.id]);
  });

  it('runs a deferred turn again after the wait', async () => {
    // Prepare
    jest.useFakeTimers();
    const runner = new ScriptedRunner([{ status: 'deferred', retryAfterMs: 5_000 }]);
    const dispatcher = new InProcessDispatcher(new MemoryDeduplicator(), runner, silentLogger);

    // Act
    await dispatcher.dispatch(homeTurn());
    await dispatcher.drain();
    const before = [...runner.ran];
    await jest.advanceTimersByTimeAsync(5_000);
    await dispatcher.drain();
    jest.useRealTimers();

    // Assess
    expect(before).toHaveLength(1);
    expect(runner.ran).toHaveLength(2);
  });

  it('reports a failed turn to the failure hook', async () => {
    // Prepare
    const failures: string[] = [];
    const runner = new ScriptedRunner([new Error('boom')]);
    const dispatcher = new InProcessDispatcher(new MemoryDeduplicator(), runner, silentLogger, async (t) => {
      failures.push(t.id);
    });

    // Act
    await dispatcher.dispatch(utteranceTurn());
    await dispatcher.drain();

    // Assess
    expect(failures).toEqual(['evt:Ev0001']);
  });

  it('handles a turn again after it failed before any effect, and not after it ran', async () => {
    // Prepare
    const runner = new ScriptedRunner([new Error('users.info failed'), { status: 'done' }]);
    const dispatcher = new InProcessDispatcher(new MemoryDeduplicator(), runner, silentLogger);
    const turn = utteranceTurn();

    // Act
    const first = await dispatcher.dispatch(turn);
    await dispatcher.drain();
    const retry = await dispatcher.dispatch(turn);
    await dispatcher.drain();
    const third = await dispatcher.dispatch(turn);
    await dispatcher.drain();

    // Assess
    expect([first, retry, third]).toEqual(['accepted', 'accepted', 'duplicate']);
    expect(runner.ran).toEqual([turn.id, turn.id]);
  });

  it('fails open when the de-dup store is down', async () => {
    // Prepare
    const broken: Deduplicator = {
      claim: async () => Promise.reject(new Error('table unavailable')),
      release: async () => Promise.reject(new Error('table unavailable')),
    };
    const runner = new ScriptedRunner();
    const dispatcher = new InProcessDispatcher(broken, runner, silentLogger);

    // Act
    const result = await dispatcher.dispatch(utteranceTurn());
    await dispatcher.drain();

    // Assess
    expect(result).toBe('accepted');
    expect(runner.ran).toHaveLength(1);
  });
});

describe('QueueDispatcher', () => {
  it('queues a turn once and tells the user when the queue refuses it', async () => {
    // Prepare
    const sent: Turn[] = [];
    let fail = false;
    const queue: TurnQueue = {
      async send(turn) {
        if (fail) throw new Error('queue down');
        sent.push(turn);
      },
    };
    const failures: string[] = [];
    const dispatcher = new QueueDispatcher(new MemoryDeduplicator(), queue, silentLogger, async (t) => {
      failures.push(t.id);
    });

    // Act
    await dispatcher.dispatch(utteranceTurn());
    await dispatcher.dispatch(utteranceTurn());
    fail = true;
    await dispatcher.dispatch(utteranceTurn({ id: 'evt:other' }));

    // Assess
    expect(sent.map((t) => t.id)).toEqual(['evt:Ev0001']);
    expect(failures).toEqual(['evt:other']);
  });

  it('gives the claim back when the turn could not be queued, so a retry is queued', async () => {
    // Prepare
    const sent: string[] = [];
    let fail = true;
    const queue: TurnQueue = {
      async send(turn) {
        if (fail) throw new Error('queue down');
        sent.push(turn.id);
      },
    };
    const dispatcher = new QueueDispatcher(new MemoryDeduplicator(), queue, silentLogger);

    // Act
    await dispatcher.dispatch(utteranceTurn());
    fail = false;
    const retry = await dispatcher.dispatch(utteranceTurn());

    // Assess
    expect(retry).toBe('accepted');
    expect(sent).toEqual(['evt:Ev0001']);
  });

  it('answers within its budgets when the queue and the failure notice both hang', async () => {
    // Prepare
    const never = new Promise<void>(() => {});
    const queue: TurnQueue = { send: () => never };
    const notified: string[] = [];
    const dedup = new MemoryDeduplicator();
    const dispatcher = new QueueDispatcher(
      dedup,
      queue,
      silentLogger,
      async (t) => {
        notified.push(t.id);
        await never;
      },
      { sendMs: 10, reportMs: 10 },
    );

    // Act
    const result = await dispatcher.dispatch(utteranceTurn());

    // Assess
    expect(result).toBe('accepted');
    expect(notified).toEqual(['evt:Ev0001']);
    expect(await dedup.claim('evt:Ev0001')).toBe(true);
  });
});
