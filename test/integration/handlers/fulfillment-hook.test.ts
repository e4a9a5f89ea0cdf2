/**
 * The fulfillment write shape on DynamoDB Local: a read-only turn is one write transaction carrying
 * the request in its final state and its full audit trail (with the retention expiry on every
 * item); a crash between the create and the next step leaves nothing RECEIVED after the sweep; a
 * replayed turn resumes its request.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { RecordingApprovalRequests } from '../../../handlers/approvals/approval-requests.port';
import { DynamoLedger } from '../../../handlers/ledger/dynamo-ledger';
import { sweepReceived } from '../../../handlers/ledger/received-sweeper';
import type { NewRequest } from '../../../handlers/ledger/request';
import { TTL_ATTRIBUTE } from '../../../handlers/ledger/table-schema';
import { receivedResumer } from '../../../handlers/received-resume';
import { createCodeHook } from '../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';
import { lexEvent, messageOf, requestIdIn } from '../../kit/lex-events';
import { freshLedgerTable, type LedgerTable } from '../support/dynamo';

let table: LedgerTable;
const calls: string[] = [];

// A fresh table per test: filed requests (and their account names) never carry over between tests.
beforeEach(async () => {
  calls.length = 0;
  table = await freshLedgerTable();
  table.client.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'testCallRecorder' },
  );
});

afterEach(() => {
  table.client.destroy();
});

function setup(now: () => Date = () => new Date()) {
  const ledger = new DynamoLedger({ client: table.docClient, tableName: table.tableName, now });
  const approvals = new RecordingApprovalRequests(['bob@example.com']);
  const deps = createSandboxCodeHookDeps({ ledger, approvals });
  return { ledger, approvals, deps, hook: createCodeHook(deps) };
}

const itemsOf = async (id: string) =>
  (
    await table.docClient.send(
      new QueryCommand({
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `REQ#${id}` },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

describe('fulfillment on DynamoDB Local', () => {
  it('records a read-only turn in one write transaction with its full audit history, all expiring together', async () => {
    // Prepare
    const { ledger, hook } = setup();
    calls.length = 0;
    // Act
    const response = await hook(lexEvent('fulfillment-pipeline-status', 'alice', `Ev0RO${Date.now()}`));
    // Assess
    const written = [...calls];
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(written).toEqual(['TransactWriteItemsCommand']);
    expect((await ledger.get(id))?.status).toBe('SUCCEEDED');
    expect((await ledger.history(id)).map((e) => [e.action, e.toStatus])).toEqual([
      ['CREATED', 'RECEIVED'],
      ['TRANSITION', 'IN_PROGRESS'],
      ['TRANSITION', 'SUCCEEDED'],
    ]);
    const items = await itemsOf(id);
    expect(items).toHaveLength(4);
    const expiry = items[0]?.[TTL_ATTRIBUTE];
    expect(typeof expiry).toBe('number');
    expect(items.every((item) => item[TTL_ATTRIBUTE] === expiry)).toBe(true);
  });

  it('leaves no request RECEIVED after the sweep when the process crashed right after the create', async () => {
    // Prepare
    let time = Date.now();
    const { ledger, approvals, deps, hook } = setup(() => new Date(time));
    const create = ledger.create.bind(ledger);
    jest.spyOn(ledger, 'create').mockImplementationOnce(async (input: NewRequest) => {
      await create(input); // the old writer: RECEIVED first…
      throw new Error('process crashed after the create'); // …and nothing after
    });
    await hook(lexEvent('fulfillment-vend-account', 'alice', `Ev0CR${Date.now()}`));
    time += 10 * 60_000;
    // Act
    const report = await sweepReceived({
      ledger,
      logger: deps.logger,
      resume: receivedResumer(deps),
      now: () => new Date(time),
    });
    // Assess
    const [id = ''] = report.resumed;
    expect((await ledger.listByStatus('RECEIVED', { limit: 100 })).items).toEqual([]);
    expect((await ledger.get(id))?.status).toBe('PENDING_APPROVAL');
    expect(approvals.requested.map((r) => r.id)).toEqual([id]);
  });

  it('files one of two requests for the same account name sent at the same instant, and says why', async () => {
    // Prepare: two people, two turns, the same new account name and email, checked concurrently
    const { ledger, hook } = setup();
    const events = (['alice', 'bob'] as const).map((who, i) =>
      lexEvent('fulfillment-vend-account', who, `Ev0RC${i}${Date.now()}`),
    );
    // Act
    const answers = await Promise.all(events.map((e) => hook(e)));
    // Assess
    const texts = answers.map(messageOf);
    const filed = texts.filter((t) => t.includes('is waiting for approval'));
    expect(filed).toHaveLength(1);
    const refused = texts.find((t) => !t.includes('is waiting for approval')) ?? '';
    expect(refused).toMatch(
      /already (uses AccountName data-lab|creating an account named data-lab|the owner of request)|already uses AccountEmail dana@example\.com/,
    );
    const id = requestIdIn(filed[0] ?? '') ?? '';
    expect(await ledger.uniqueHolder('VendAccount:AccountName:data-lab')).toBe(id);
  });

  it('resumes the request of a replayed write turn: the approvers are notified again', async () => {
    // Prepare
    const { approvals, hook } = setup();
    const turnId = `Ev0RP${Date.now()}`;
    const first = await hook(lexEvent('fulfillment-vend-account', 'alice', turnId));
    // Act
    const replayed = await hook(lexEvent('fulfillment-vend-account', 'alice', turnId));
    // Assess
    const id = requestIdIn(messageOf(first)) ?? '';
    expect(requestIdIn(messageOf(replayed))).toBe(id);
    expect(messageOf(replayed)).toContain('is waiting for approval');
    expect(approvals.requested.map((r) => r.id)).toEqual([id, id]);
  });
});
