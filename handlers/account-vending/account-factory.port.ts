/**
 * The Account Factory port: provisioning the Control Tower Account Factory product (a Service
 * Catalog product) and reading a provisioning record back. Adapters:
 * ./service-catalog-account-factory.ts (AWS Service Catalog) and
 * handlers/sandbox/sandbox-service-catalog.ts (the sandbox world). Errors are
 * {@link AccountFactoryError}s whose messages are written for the operator.
 */
import { ChatOpsError } from '../errors';

/** What one account needs: the six Account Factory parameters, plus the request id. */
export interface ProvisionAccountInput {
  /** Idempotency token (`ProvisionToken`) and CloudTrail correlation (user agent). */
  requestId: string;
  accountName: string;
  accountEmail: string;
  organizationalUnit: { name: string; id: string };
  ssoUser: { email: string; firstName: string; lastName: string };
}

export interface ProvisionedRecord {
  recordId: string;
  provisionedProductName: string;
}

/** A provisioning record as DescribeRecord reports it, reduced to what completion needs. */
export interface RecordView {
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
  accountId?: string;
  /** The record's errors in plain words (`Code: Description`). */
  errors: string[];
}

export interface AccountFactory {
  /** Starts provisioning; idempotent on `requestId`. */
  provision(input: ProvisionAccountInput): Promise<ProvisionedRecord>;
  /** The record's status; `requestId` goes in the user agent. */
  describeRecord(recordId: string, requestId: string): Promise<RecordView>;
}

/** Why Account Factory refused: stable reasons, each with an operator-facing message. */
export type AccountFactoryFailure =
  | 'PRODUCT_NOT_FOUND'
  | 'NO_ACTIVE_ARTIFACT'
  | 'NO_LAUNCH_PATH'
  | 'INVALID_PARAMETERS'
  | 'CONTROL_TOWER_BUSY'
  | 'RECORD_NOT_FOUND';

/** Account Factory refused or could not be found; `message` tells the operator what to check. */
export class AccountFactoryError extends ChatOpsError {
  constructor(
    readonly failure: AccountFactoryFailure,
    message: string,
    options?: ErrorOptions,
  ) {
    super('ACCOUNT_FACTORY_FAILED', message, { failure }, options);
  }
}

/** The Account Factory parameter value of an OU: `Name (ou-id)`, as Control Tower expects it. */
export function managedOrganizationalUnit(ou: { name: string; id: string }): string {
  return `${ou.name} (${ou.id})`;
}

/**
 * A valid `ProvisionedProductName` for an account name: Service Catalog allows 1–128 characters
 * matching `[a-zA-Z0-9][a-zA-Z0-9._-]*` and unique in the account
 * (https://docs.aws.amazon.com/servicecatalog/latest/dg/API_ProvisionProduct.html), so anything
 * else becomes `-`, and the request id keeps it unique.
 */
export function provisionedProductName(accountName: string, requestId: string): string {
  const base = accountName.replace(/[^a-zA-Z0-9._-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '');
  return `${base || 'account'}-${requestId}`.slice(0, 128);
}
