/** The request table is table-schema.ts in CloudFormation: keys, both indexes, TTL, PITR, KMS. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import {
  BY_REQUESTER_INDEX,
  BY_STATUS_INDEX,
  LEDGER_TABLE_DEFINITION,
  PARTITION_KEY,
  SORT_KEY,
  TTL_ATTRIBUTE,
} from '../../../../handlers/ledger/table-schema';
import { resourcesOf, synthStage } from '../support/synth';

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synthStage('dev').template;
  prod = synthStage('prod').template;
});

describe('RequestTable', () => {
  it('has the keys, attribute definitions and indexes of table-schema.ts', () => {
    // Act
    const [[, table]] = resourcesOf(dev, 'AWS::DynamoDB::Table') as [
      [string, { Properties: Record<string, unknown> }],
    ];

    // Assess
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(LEDGER_TABLE_DEFINITION.AttributeDefinitions ?? []),
    );
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(
      [BY_REQUESTER_INDEX, BY_STATUS_INDEX].map((ix) => ({
        IndexName: ix.indexName,
        KeySchema: [
          { AttributeName: ix.partitionKey, KeyType: 'HASH' },
          { AttributeName: ix.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('has TTL on the schema attribute, point-in-time recovery and a customer-managed key with rotation', () => {
    // Assess
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RequestsKey'), 'Arn'] },
      },
    });
    dev.hasResourceProperties('AWS::KMS::Key', {
      Description: Match.stringLikeRegexp('request ledger'),
      EnableKeyRotation: true,
    });
  });

  it('is protected and retained in prod, and neither in dev', () => {
    // Assess
    prod.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    prod.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ Description: Match.stringLikeRegexp('request ledger') }),
    });
    dev.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});
