/**
 * Ledger section of `npm run bench` (`--only ledger`): DynamoDB calls per turn by operation, counted
 * with SDK middleware on the client (./bench-store.ts), for the three turns that matter — a
 * read-only turn (the code hook's record plus the Slack side's de-dup claim), a write-intent turn
 * (the code hook creating a VendAccount request for approval) and an approval decision (for now
 * the ledger move PENDING_APPROVAL → APPROVED on the held request; the approvals issue adds the
 * real decision path) — and DynamoDB Local's own CPU per call of each operation the hot path uses
 * (sequential calls, so the Java process's CPU divides cleanly). App Home refreshes add one Query
 * per refresh (debounced per user, bot/conversation/home-refresher.ts), counted end to end in the
 * Slack section's `chatops_ddb_dynamodb_calls_per_read_only_turn`.
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoLedger } from '../../handlers/ledger/dynamo-ledger';
import { createLedgerTable } from '../../handlers/ledger/table-schema';
import { createCodeHook } from '../../handlers/router';
import { LOCAL_TABLE_NAME } from '../../local/backend';
import { localDynamoClient, startDynamoDbLocal } from '../../local/dynamodb-local';
import { createSandboxCodeHookDeps } from '../../local/sandbox-deps';
import { testIdentityKeys } from '../kit/identity';
import { lexEvent, messageOf, slot } from '../kit/lex-events';
import { countDynamoCalls } from './bench-store';
import { percentile } from './load-driver';
import { cpuMs, findChildPid } from './process-cpu';

type Figures = Record<string, number | string>;

const TURNS = Number(process.env.LEDGER_BENCH_TURNS ?? 100);
/** Target (issue 10): DynamoDB calls per read-only turn, App Home refresh aside. */
const MAX_CALLS_PER_READ_ONLY_TURN = 2;

const round2 = (n: number) => Math.round(n * 100) / 100;

function perTurn(before: Record<string, number>, after: Record<string, number>, turns: number) {
  const rows = Object.entries(after)
    .map(([op, n]) => [op, (n - (before[op] ?? 0)) / turns] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return {
    text: rows.map(([op, n]) => `${op} ${round2(n)}`).join(', '),
    total: round2(rows.reduce((sum, [, n]) => sum + n, 0)),
  };
}

/** Runs the ledger section; DynamoDB Local is started and stopped here. */
export async function runLedgerBench(): Promise<Figures> {
  const dynamo = await startDynamoDbLocal();
  const client = localDynamoClient(dynamo.endpoint);
  try {
    await createLedgerTable(client, LOCAL_TABLE_NAME);
    const calls = countDynamoCalls(client);
    const ledger = new DynamoLedger({
      client: DynamoDBDocumentClient.from(client),
      tableName: LOCAL_TABLE_NAME,
    });
    // The events are signed with the test identity key: the hook must verify them, or every turn
    // would be a cheap refusal that never touches the ledger (checked on every answer below).
    const hook = createCodeHook(createSandboxCodeHookDeps({ ledger, identityKeys: testIdentityKeys }));
    const expectAnswer = (answer: Awaited<ReturnType<typeof hook>>, wanted: RegExp) => {
      const text = messageOf(answer);
      if (!wanted.test(text)) throw new Error(`bench turn answered "${text.slice(0, 120)}", not ${wanted}`);
    };
    const java = findChildPid('DynamoDBLocal');

    /** Runs `turn` TURNS times; its calls per turn, Java CPU ms per turn and p50 latency. */
    const measure = async (name: string, turn: (i: number) => Promise<unknown>): Promise<Figures> => {
      for (let i = 0; i < 20; i++) await turn(-1 - i); // warm the JIT
      const before = calls();
      const cpuBefore = java ? (cpuMs(java) ?? 0) : 0;
      const ms: number[] = [];
      for (let i = 0; i < TURNS; i++) {
        const t = performance.now();
        await turn(i);
        ms.push(performance.now() - t);
      }
      const cpu = java ? (cpuMs(java) ?? 0) - cpuBefore : 0;
      const counted = perTurn(before, calls(), TURNS);
      return {
        [`${name}_dynamodb_calls`]: counted.text,
        [`${name}_dynamodb_calls_total`]: counted.total,
        [`${name}_dynamodb_local_cpu_ms`]: round2(cpu / TURNS),
        [`${name}_p50_ms`]: round2(percentile(ms, 0.5)),
      };
    };

    const readOnly = await measure('read_only_turn', async () => {
      const turnId = `Ev${randomUUID()}`;
      await ledger.claim(turnId); // the Slack side's de-dup marker
      expectAnswer(
        await hook(lexEvent('fulfillment-pipeline-status', 'alice', turnId)),
        /^Pipeline [a-z-]+ is /,
      );
    });
    let vended = 0;
    const write = await measure('write_intent_turn', async () => {
      const turnId = `Ev${randomUUID()}`;
      await ledger.claim(turnId);
      // Each request its own account name and email: an open request keeps both taken.
      const event = lexEvent('fulfillment-vend-account', 'alice', turnId);
      vended += 1;
      event.sessionState.intent.slots.AccountName = slot(`bench-lab-${vended}`);
      event.sessionState.intent.slots.AccountEmail = slot(`bench-${vended}@example.com`);
      expectAnswer(await hook(event), /is waiting for approval/);
    });
    const pending: Awaited<ReturnType<typeof ledger.create>>['request'][] = [];
    for (let i = 0; i < TURNS + 20; i++) {
      const input = {
        intent: 'VendAccount',
        parameters: { AccountName: `bench-${i}` },
        requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX' },
        origin: { teamId: 'T0SANDBOX', channelId: 'D0ALICE001' },
        idempotencyKey: `bench-${randomUUID()}`,
      };
      pending.push((await ledger.create(input, [{ to: 'PENDING_APPROVAL', actor: 'system' }])).request);
    }
    let next = 0;
    const decision = await measure('approval_decision', async () => {
      const request = pending[next++];
      if (request) await ledger.advance(request, 'APPROVED', 'UBOB00001', { approver: 'UBOB00001' });
    });
    const home = await measure('app_home_refresh', () => ledger.listByRequester('UALICE0001', { limit: 21 }));
    return {
      turns_per_scenario: TURNS,
      ...readOnly,
      ...write,
      ...decision,
      ...home,
      target_read_only_calls_max: MAX_CALLS_PER_READ_ONLY_TURN,
      target_read_only_calls_met: String(
        Number(readOnly.read_only_turn_dynamodb_calls_total) <= MAX_CALLS_PER_READ_ONLY_TURN,
      ),
    };
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}
