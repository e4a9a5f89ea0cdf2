/**
 * The request ledger's table (DESIGN §3), built from handlers/ledger/table-schema.ts so keys,
 * indexes and the TTL attribute cannot drift from what the code reads and writes. Encrypted with a
 * customer-managed KMS key (yearly rotation), point-in-time recovery on; in prod deletion
 * protection and RETAIN for both table and key.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { LEDGER_TABLE_DEFINITION, TTL_ATTRIBUTE } from '../../handlers/ledger/table-schema';

export interface RequestTableProps {
  /** Prod: deletion protection and RETAIN. */
  readonly protect: boolean;
}

type KeyElement = { AttributeName?: string; KeyType?: string };

/** The `{ name, type }` of the key element with `keyType` in `schema`, typed from the definition. */
export function keyAttribute(schema: readonly KeyElement[] | undefined, keyType: 'HASH' | 'RANGE') {
  const name = schema?.find((k) => k.KeyType === keyType)?.AttributeName;
  const type = LEDGER_TABLE_DEFINITION.AttributeDefinitions?.find(
    (a) => a.AttributeName === name,
  )?.AttributeType;
  if (!name || !type) throw new Error(`table-schema.ts has no ${keyType} key with an attribute type`);
  const types: Record<string, dynamodb.AttributeType> = {
    S: dynamodb.AttributeType.STRING,
    N: dynamodb.AttributeType.NUMBER,
    B: dynamodb.AttributeType.BINARY,
  };
  const attributeType = types[type];
  if (!attributeType) throw new Error(`unknown attribute type ${type}`);
  return { name, type: attributeType };
}

export class RequestTable extends Construct {
  readonly table: dynamodb.Table;
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: RequestTableProps) {
    super(scope, id);
    const removalPolicy = props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    this.key = new kms.Key(this, 'Key', {
      description: 'ChatOps request ledger (DynamoDB table encryption)',
      enableKeyRotation: true,
      removalPolicy,
    });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: keyAttribute(LEDGER_TABLE_DEFINITION.KeySchema, 'HASH'),
      sortKey: keyAttribute(LEDGER_TABLE_DEFINITION.KeySchema, 'RANGE'),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: props.protect,
      removalPolicy,
    });
    for (const index of LEDGER_TABLE_DEFINITION.GlobalSecondaryIndexes ?? []) {
      if (!index.IndexName) throw new Error('table-schema.ts has an index without a name');
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName,
        partitionKey: keyAttribute(index.KeySchema, 'HASH'),
        sortKey: keyAttribute(index.KeySchema, 'RANGE'),
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
  }

  /** The index names, from the schema. */
  get indexNames(): string[] {
    return (LEDGER_TABLE_DEFINITION.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? '');
  }

  /**
   * What the ledger does (handlers/ledger/dynamo-ledger.ts: Get, Put, Query, and TransactWrite of
   * Put / Update / ConditionCheck), on the table and its named indexes, and the KMS key use the
   * table's encryption needs. Explicit actions: no wildcard action, no `index/*`.
   */
  grantLedger(grantee: iam.IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:Query',
        ],
        resources: [
          this.table.tableArn,
          ...this.indexNames.map((name) => `${this.table.tableArn}/index/${name}`),
        ],
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: [this.key.keyArn],
      }),
    );
  }
}
