/**
 * {@link KeySchedule} on the ledger's DynamoDB table (layout: ../ledger/table-schema.ts). Items:
 * `PK=KEYRET#<id>, SK=META` with `GSI2PK=KEYRET#OPEN`, `GSI2SK=<deactivateAt>#<id>` while not
 * deleted (the status index, in a partition of its own, so `listOpen` is a Query, not a Scan), and
 * events `PK=KEYRET#<id>, SK=EVT#<iso>#<seq:6>`. Each change is one TransactWriteItems: Put the
 * item on `version = :v` and Put the event `attribute_not_exists`
 * (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html).
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { BY_STATUS_INDEX, PARTITION_KEY, SORT_KEY } from '../ledger/table-schema';
import { awsErrorName, KeyScheduleConflictError } from './key-rotation.errors';
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

const OPEN_PARTITION = 'KEYRET#OPEN';
const pk = (id: string) => `KEYRET#${id}`;
const itemKey = (id: string) => ({ [PARTITION_KEY]: pk(id), [SORT_KEY]: 'META' });

const ITEM_FIELDS = [
  'id',
  'userName',
  'accessKeyId',
  'ownerSlackUserId',
  'secretName',
  'state',
  'deactivateAt',
  'deleteAt',
  'postponements',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof KeyRetirement)[];

function toItem(r: KeyRetirement): Record<string, unknown> {
  const open =
    r.state === 'DELETED'
      ? {}
      : {
          [BY_STATUS_INDEX.partitionKey]: OPEN_PARTITION,
          [BY_STATUS_INDEX.sortKey]: `${r.deactivateAt}#${r.id}`,
        };
  return { ...itemKey(r.id), type: 'KEY_RETIREMENT', ...open, ...r };
}

function fromItem(item: Record<string, unknown>): KeyRetirement {
  return Object.fromEntries(ITEM_FIELDS.map((f) => [f, item[f]])) as unknown as KeyRetirement;
}

function toEventItem(e: RetirementEvent): Record<string, unknown> {
  const sk = `EVT#${e.at}#${String(e.seq).padStart(6, '0')}`;
  return { [PARTITION_KEY]: pk(e.id), [SORT_KEY]: sk, type: 'KEY_RETIREMENT_EVENT', ...e };
}

export class DynamoKeySchedule implements KeySchedule {
  constructor(private readonly options: { client: DynamoDBDocumentClient; tableName: string }) {}

  async schedule(input: NewRetirement, actor: string, at: string): Promise<KeyRetirement> {
    const { item, audit } = initialRetirement(input, actor, at);
    try {
      await this.write(item, audit, 'attribute_not_exists(#pk)', {});
      return item;
    } catch (error) {
      const existing = await this.get(input.id);
      if (existing) return existing;
      throw error;
    }
  }

  async get(id: string): Promise<KeyRetirement | undefined> {
    const { Item } = await this.options.client.send(
      new GetCommand({ TableName: this.options.tableName, Key: itemKey(id), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  async listOpen(): Promise<KeyRetirement[]> {
    const out: KeyRetirement[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.options.client.send(
        new QueryCommand({
          TableName: this.options.tableName,
          IndexName: BY_STATUS_INDEX.indexName,
          KeyConditionExpression: '#gpk = :open',
          ExpressionAttributeNames: { '#gpk': BY_STATUS_INDEX.partitionKey },
          ExpressionAttributeValues: { ':open': OPEN_PARTITION },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) out.push(fromItem(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  async update(
    current: KeyRetirement,
    change: RetirementChange,
    event: { actor: string; action: RetirementAction; at: string; details?: Record<string, string> },
  ): Promise<KeyRetirement> {
    const { next, audit } = applyRetirementChange(current, change, event);
    try {
      await this.write(next, audit, '#version = :v', { ':v': current.version });
    } catch (error) {
      if (awsErrorName(error) === 'TransactionCanceledException')
        throw new KeyScheduleConflictError(current.id);
      throw error;
    }
    return next;
  }

  async history(id: string): Promise<RetirementEvent[]> {
    const { Items } = await this.options.client.send(
      new QueryCommand({
        TableName: this.options.tableName,
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :evt)',
        ExpressionAttributeNames: { '#pk': PARTITION_KEY, '#sk': SORT_KEY },
        ExpressionAttributeValues: { ':pk': pk(id), ':evt': 'EVT#' },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((i) => {
      const { [PARTITION_KEY]: _pk, [SORT_KEY]: _sk, type: _type, ...event } = i;
      return event as unknown as RetirementEvent;
    });
  }

  private async write(
    item: KeyRetirement,
    audit: RetirementEvent,
    condition: string,
    values: Record<string, unknown>,
  ): Promise<void> {
    const { tableName } = this.options;
    const names: Record<string, string> = condition.includes('#pk')
      ? { '#pk': PARTITION_KEY }
      : { '#version': 'version' };
    await this.options.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: toItem(item),
              ConditionExpression: condition,
              ExpressionAttributeNames: names,
              ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: toEventItem(audit),
              ConditionExpression: 'attribute_not_exists(#pk)',
              ExpressionAttributeNames: { '#pk': PARTITION_KEY },
            },
          },
        ],
      }),
    );
  }
}
