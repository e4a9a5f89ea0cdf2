/**
 * The AWS Service Catalog adapter of {@link AccountFactory}. Control Tower has no "create account"
 * API: Account Factory is a Service Catalog product, found at run time by name
 * (`SearchProducts`, every page), with its active default provisioning artifact
 * (`ListProvisioningArtifacts`: `Active` and `Guidance` `DEFAULT`) and its launch path
 * (`ListLaunchPaths`, every page), then `ProvisionProduct` with `ProvisionToken` = the request id,
 * so a replay can never start a second account
 * (https://docs.aws.amazon.com/servicecatalog/latest/dg/API_ProvisionProduct.html: "An idempotency
 * token that uniquely identifies the provisioning request"). `DescribeRecord` reads the record back
 * (statuses `CREATED | IN_PROGRESS | IN_PROGRESS_IN_ERROR | SUCCEEDED | FAILED`, errors in
 * `RecordErrors`, the account id in the `AccountId` output;
 * https://docs.aws.amazon.com/servicecatalog/latest/dg/API_DescribeRecord.html).
 * Every call goes through a client made for the request id, which it carries in the user agent.
 */
import {
  DescribeRecordCommand,
  ListProvisioningArtifactsCommand,
  ProvisionProductCommand,
  paginateListLaunchPaths,
  paginateSearchProducts,
  ServiceCatalogClient,
  type ServiceCatalogClientConfig,
} from '@aws-sdk/client-service-catalog';
import {
  type AccountFactory,
  AccountFactoryError,
  managedOrganizationalUnit,
  type ProvisionAccountInput,
  type ProvisionedRecord,
  provisionedProductName,
  type RecordView,
} from './account-factory.port';

/** Attempts per call (SDK standard retry mode: `ThrottlingException` is retried with backoff). */
export const SDK_MAX_ATTEMPTS = 5;

/**
 * A Service Catalog client for one request: `chatops-request/<id>` in the user agent, so CloudTrail's
 * `userAgent` names the request that made each call, and the SDK's standard retry strategy.
 */
export function serviceCatalogClientFor(
  requestId: string,
  base: ServiceCatalogClientConfig = {},
): ServiceCatalogClient {
  return new ServiceCatalogClient({
    maxAttempts: SDK_MAX_ATTEMPTS,
    retryMode: 'standard',
    ...base,
    customUserAgent: [['chatops-request', requestId]],
  });
}

export interface ServiceCatalogAccountFactoryOptions {
  productName: string;
  clientFor?: (requestId: string) => ServiceCatalogClient;
}

type Product = { productId: string; artifactId: string; pathId: string };

export class ServiceCatalogAccountFactory implements AccountFactory {
  private readonly clientFor: (requestId: string) => ServiceCatalogClient;

  constructor(private readonly options: ServiceCatalogAccountFactoryOptions) {
    this.clientFor = options.clientFor ?? ((id) => serviceCatalogClientFor(id));
  }

  /** @inheritdoc */
  async provision(input: ProvisionAccountInput): Promise<ProvisionedRecord> {
    const client = this.clientFor(input.requestId);
    const product = await this.resolveProduct(client);
    const name = provisionedProductName(input.accountName, input.requestId);
    const output = await client
      .send(
        new ProvisionProductCommand({
          ProductId: product.productId,
          ProvisioningArtifactId: product.artifactId,
          PathId: product.pathId,
          ProvisionedProductName: name,
          ProvisionToken: input.requestId,
          ProvisioningParameters: [
            { Key: 'AccountName', Value: input.accountName },
            { Key: 'AccountEmail', Value: input.accountEmail },
            { Key: 'ManagedOrganizationalUnit', Value: managedOrganizationalUnit(input.organizationalUnit) },
            { Key: 'SSOUserEmail', Value: input.ssoUser.email },
            { Key: 'SSOUserFirstName', Value: input.ssoUser.firstName },
            { Key: 'SSOUserLastName', Value: input.ssoUser.lastName },
          ],
        }),
      )
      .catch((error: unknown) => {
        throw provisionError(error);
      });
    const recordId = output.RecordDetail?.RecordId;
    if (!recordId)
      throw new AccountFactoryError('INVALID_PARAMETERS', 'ProvisionProduct returned no record id.');
    return { recordId, provisionedProductName: name };
  }

  /** @inheritdoc */
  async describeRecord(recordId: string, requestId: string): Promise<RecordView> {
    const output = await this.clientFor(requestId)
      .send(new DescribeRecordCommand({ Id: recordId }))
      .catch((error: unknown) => {
        if (errorName(error) === 'ResourceNotFoundException') {
          throw new AccountFactoryError(
            'RECORD_NOT_FOUND',
            `Provisioning record ${recordId} was not found.`,
            {
              cause: error,
            },
          );
        }
        throw error;
      });
    const detail = output.RecordDetail;
    const errors = (detail?.RecordErrors ?? []).map((e) =>
      [e.Code, e.Description].filter(Boolean).join(': '),
    );
    const accountId = output.RecordOutputs?.find((o) => o.OutputKey === 'AccountId')?.OutputValue;
    const status = detail?.Status;
    if (status === 'SUCCEEDED') return { status, errors, ...(accountId ? { accountId } : {}) };
    if (status === 'FAILED') return { status, errors };
    return { status: 'IN_PROGRESS', errors };
  }

  private async resolveProduct(client: ServiceCatalogClient): Promise<Product> {
    const { productName } = this.options;
    let productId: string | undefined;
    const search = paginateSearchProducts({ client }, { Filters: { FullTextSearch: [productName] } });
    for await (const page of search) {
      productId ??= page.ProductViewSummaries?.find((p) => p.Name === productName)?.ProductId;
    }
    if (!productId) {
      throw new AccountFactoryError(
        'PRODUCT_NOT_FOUND',
        `The Service Catalog product "${productName}" was not found. Is the vending role in the Account Factory portfolio? (config accountFactory.productName)`,
      );
    }
    const artifacts = await client.send(new ListProvisioningArtifactsCommand({ ProductId: productId }));
    const active = (artifacts.ProvisioningArtifactDetails ?? []).filter((a) => a.Active && a.Id);
    const artifact =
      active.find((a) => a.Guidance === 'DEFAULT') ?? active.find((a) => a.Guidance !== 'DEPRECATED');
    if (!artifact?.Id) {
      throw new AccountFactoryError(
        'NO_ACTIVE_ARTIFACT',
        `The product "${productName}" (${productId}) has no active provisioning artifact. Repair or update the landing zone in Control Tower.`,
      );
    }
    let pathId: string | undefined;
    for await (const page of paginateListLaunchPaths({ client }, { ProductId: productId })) {
      pathId ??= page.LaunchPathSummaries?.find((p) => p.Id)?.Id;
    }
    if (!pathId) {
      throw new AccountFactoryError(
        'NO_LAUNCH_PATH',
        `The product "${productName}" (${productId}) has no launch path for the vending role. Add the role as a principal of the Account Factory portfolio.`,
      );
    }
    return { productId, artifactId: artifact.Id, pathId };
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

/** ProvisionProduct's documented errors as operator-facing {@link AccountFactoryError}s. */
function provisionError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  switch (errorName(error)) {
    case 'InvalidParametersException':
      return new AccountFactoryError(
        'INVALID_PARAMETERS',
        `Account Factory refused the parameters: ${message.slice(0, 300)}`,
        { cause: error },
      );
    case 'DuplicateResourceException':
      return new AccountFactoryError(
        'INVALID_PARAMETERS',
        'A provisioned product with this name already exists in Service Catalog.',
        { cause: error },
      );
    case 'ResourceNotFoundException':
      return new AccountFactoryError(
        'PRODUCT_NOT_FOUND',
        'The Account Factory product, artifact or launch path vanished. Is the vending role in the Account Factory portfolio?',
        { cause: error },
      );
    case 'ResourceInUseException':
      return new AccountFactoryError(
        'CONTROL_TOWER_BUSY',
        'Control Tower is busy with another operation; the request waits and starts when it is free.',
        { cause: error },
      );
    default:
      return error;
  }
}
