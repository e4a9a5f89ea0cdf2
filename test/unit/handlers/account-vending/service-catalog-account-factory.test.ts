import { Readable } from 'node:stream';
import {
  DescribeRecordCommand,
  ListLaunchPathsCommand,
  ListProvisioningArtifactsCommand,
  ProvisionProductCommand,
  SearchProductsCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import type { ProvisionAccountInput } from '../../../../handlers/account-vending/account-factory.port';
import { accountVendingCapability } from '../../../../handlers/account-vending/account-vending.capability';
import {
  ServiceCatalogAccountFactory,
  serviceCatalogClientFor,
} from '../../../../handlers/account-vending/service-catalog-account-factory';
import { type AwsRecorder, expectDeclared, recordAws } from '../../../kit';

const PRODUCT = 'AWS Control Tower Account Factory';

function input(): ProvisionAccountInput {
  return {
    requestId: 'REQ-5G8H3N7Q',
    accountName: 'data lab',
    accountEmail: 'dana@example.com',
    organizationalUnit: { name: 'Workloads', id: 'ou-wkl1-22222222' },
    ssoUser: { email: 'alice@example.com', firstName: 'Alice', lastName: 'Example' },
  };
}

/** A Service Catalog with the product on the second search page, two artifacts and paged launch paths. */
function mockCatalog(aws?: AwsRecorder) {
  const sc = aws ? aws.mock(ServiceCatalogClient) : mockClient(ServiceCatalogClient);
  sc.on(SearchProductsCommand, { PageToken: undefined })
    .resolves({ ProductViewSummaries: [{ Name: 'Other', ProductId: 'prod-other' }], NextPageToken: 'p2' })
    .on(SearchProductsCommand, { PageToken: 'p2' })
    .resolves({ ProductViewSummaries: [{ Name: PRODUCT, ProductId: 'prod-af' }] });
  sc.on(ListProvisioningArtifactsCommand).resolves({
    ProvisioningArtifactDetails: [
      { Id: 'pa-old', Active: true, Guidance: 'DEPRECATED' },
      { Id: 'pa-inactive', Active: false, Guidance: 'DEFAULT' },
      { Id: 'pa-current', Active: true, Guidance: 'DEFAULT' },
    ],
  });
  sc.on(ListLaunchPathsCommand, { PageToken: undefined })
    .resolves({ LaunchPathSummaries: [], NextPageToken: 'l2' })
    .on(ListLaunchPathsCommand, { PageToken: 'l2' })
    .resolves({
      LaunchPathSummaries: [{ Id: 'lpv3-path', Name: 'AWS Control Tower Account Factory Portfolio' }],
    });
  sc.on(ProvisionProductCommand).resolves({ RecordDetail: { RecordId: 'rec-abc', Status: 'CREATED' } });
  return sc;
}

const factory = () =>
  new ServiceCatalogAccountFactory({
    productName: PRODUCT,
    clientFor: () => new ServiceCatalogClient({ region: 'us-east-1' }),
  });

describe('ServiceCatalogAccountFactory', () => {
  afterEach(() => jest.restoreAllMocks());

  it('provisions the active default artifact on the launch path with the six parameters, idempotent on the request id', async () => {
    // Prepare
    const aws = recordAws();
    const sc = mockCatalog(aws);
    // Act
    const record = await factory().provision(input());
    // Assess
    expect(record).toEqual({ recordId: 'rec-abc', provisionedProductName: 'data-lab-REQ-5G8H3N7Q' });
    expect(sc).toHaveReceivedCommandWith(SearchProductsCommand, { Filters: { FullTextSearch: [PRODUCT] } });
    expect(sc).toHaveReceivedCommandTimes(SearchProductsCommand, 2);
    expect(sc).toHaveReceivedCommandWith(ListProvisioningArtifactsCommand, { ProductId: 'prod-af' });
    expect(sc).toHaveReceivedCommandTimes(ListLaunchPathsCommand, 2);
    expect(sc.commandCalls(ProvisionProductCommand)[0]?.args[0].input).toEqual({
      ProductId: 'prod-af',
      ProvisioningArtifactId: 'pa-current',
      PathId: 'lpv3-path',
      ProvisionedProductName: 'data-lab-REQ-5G8H3N7Q',
      ProvisionToken: 'REQ-5G8H3N7Q',
      ProvisioningParameters: [
        { Key: 'AccountName', Value: 'data lab' },
        { Key: 'AccountEmail', Value: 'dana@example.com' },
        { Key: 'ManagedOrganizationalUnit', Value: 'Workloads (ou-wkl1-22222222)' },
        { Key: 'SSOUserEmail', Value: 'alice@example.com' },
        { Key: 'SSOUserFirstName', Value: 'Alice' },
        { Key: 'SSOUserLastName', Value: 'Example' },
      ],
    });
    expect(() => expectDeclared(aws, accountVendingCapability)).not.toThrow();
    aws.restore();
  });

  it('says the product was not found and asks whether the vending role is in the portfolio', async () => {
    // Prepare
    const sc = mockClient(ServiceCatalogClient);
    sc.on(SearchProductsCommand).resolves({ ProductViewSummaries: [] });
    // Act
    const provision = factory().provision(input());
    // Assess
    await expect(provision).rejects.toMatchObject({
      code: 'ACCOUNT_FACTORY_FAILED',
      failure: 'PRODUCT_NOT_FOUND',
      message: expect.stringContaining('Is the vending role in the Account Factory portfolio?'),
    });
    expect(sc).not.toHaveReceivedCommand(ProvisionProductCommand);
    sc.restore();
  });

  it('says there is no launch path for the vending role', async () => {
    // Prepare
    const sc = mockCatalog();
    sc.on(ListLaunchPathsCommand).resolves({ LaunchPathSummaries: [] });
    // Act
    const provision = factory().provision(input());
    // Assess
    await expect(provision).rejects.toMatchObject({
      failure: 'NO_LAUNCH_PATH',
      message: expect.stringContaining('no launch path'),
    });
    sc.restore();
  });

  it('turns InvalidParametersException and ResourceInUseException into operator-facing failures', async () => {
    // Prepare
    const sc = mockCatalog();
    const invalid = Object.assign(new Error('Parameter AccountEmail is invalid'), {
      name: 'InvalidParametersException',
    });
    const busy = Object.assign(new Error('in use'), { name: 'ResourceInUseException' });
    sc.on(ProvisionProductCommand).rejectsOnce(invalid).rejectsOnce(busy);
    // Act
    const first = factory().provision(input());
    await expect(first).rejects.toMatchObject({
      failure: 'INVALID_PARAMETERS',
      message: expect.stringContaining('AccountEmail'),
    });
    const second = factory().provision(input());
    // Assess
    await expect(second).rejects.toMatchObject({
      failure: 'CONTROL_TOWER_BUSY',
      message: expect.stringContaining('Control Tower is busy'),
    });
    sc.restore();
  });

  it('reads a record: SUCCEEDED with the AccountId output, FAILED with its errors in words, else in progress', async () => {
    // Prepare
    const sc = mockClient(ServiceCatalogClient);
    sc.on(DescribeRecordCommand, { Id: 'rec-ok' })
      .resolves({
        RecordDetail: { Status: 'SUCCEEDED' },
        RecordOutputs: [{ OutputKey: 'AccountId', OutputValue: '123456789012' }],
      })
      .on(DescribeRecordCommand, { Id: 'rec-bad' })
      .resolves({
        RecordDetail: {
          Status: 'FAILED',
          RecordErrors: [{ Code: 'ValidationError', Description: 'Email already in use' }],
        },
      })
      .on(DescribeRecordCommand, { Id: 'rec-run' })
      .resolves({ RecordDetail: { Status: 'IN_PROGRESS_IN_ERROR' } });
    // Act
    const [ok, bad, run] = await Promise.all(
      ['rec-ok', 'rec-bad', 'rec-run'].map((id) => factory().describeRecord(id, 'REQ-5G8H3N7Q')),
    );
    // Assess
    expect(ok).toEqual({ status: 'SUCCEEDED', accountId: '123456789012', errors: [] });
    expect(bad).toEqual({ status: 'FAILED', errors: ['ValidationError: Email already in use'] });
    expect(run).toEqual({ status: 'IN_PROGRESS', errors: [] });
    sc.restore();
  });
});

describe('serviceCatalogClientFor', () => {
  it('retries ThrottlingException with the SDK retry strategy and names the request in the user agent', async () => {
    // Prepare: a transport that throttles twice, then answers (no network).
    const seen: string[] = [];
    const requestHandler = {
      async handle(request: { headers: Record<string, string> }) {
        seen.push(request.headers['x-amz-user-agent'] ?? '');
        const throttled = seen.length < 3;
        const body = throttled
          ? { __type: 'ThrottlingException', message: 'Rate exceeded' }
          : { RecordDetail: { RecordId: 'rec-1', Status: 'IN_PROGRESS' } };
        return {
          response: {
            statusCode: throttled ? 400 : 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: Readable.from([Buffer.from(JSON.stringify(body))]),
          },
        };
      },
    };
    const client = serviceCatalogClientFor('REQ-5G8H3N7Q', {
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      // biome-ignore lint/suspicious/noExplicitAny: a minimal fake of the SDK's HttpHandler (handle only)
      requestHandler: requestHandler as any,
    });
    // Act
    const output = await client.send(new DescribeRecordCommand({ Id: 'rec-1' }));
    // Assess
    expect(output.RecordDetail?.RecordId).toBe('rec-1');
    expect(seen).toHaveLength(3);
    for (const agent of seen) expect(agent).toContain('chatops-request/REQ-5G8H3N7Q');
  });
});
