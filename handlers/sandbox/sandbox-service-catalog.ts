/**
 * Sandbox twin of Account Factory on Service Catalog (DESIGN §4): one product (named as config
 * says, else "not found" like the real one), its active default artifact and launch path, and
 * records. A provisioning completes after `delayMs` (a few seconds by default, fast in tests):
 * the account joins the sandbox world with a 12-digit id and a `CreateManagedAccount` event in
 * Control Tower's shape goes to `onEvent`; account names like `fail-*` fail instead. Idempotent on
 * the request id, like `ProvisionToken`. `dropEvents` loses events (the poller must recover).
 */
import type {
  AccountFactory,
  ProvisionAccountInput,
  ProvisionedRecord,
  RecordView,
} from '../account-vending/account-factory.port';
import { AccountFactoryError, provisionedProductName } from '../account-vending/account-factory.port';
import { createManagedAccountEvent } from '../account-vending/lifecycle-event';
import { sandboxAccountId } from './sandbox-executors';
import { SANDBOX_REGION, type SandboxWorldData } from './sandbox-world';

export const SANDBOX_PRODUCT = {
  name: 'AWS Control Tower Account Factory',
  productId: 'prod-sbx1aaaaaaaaa',
  artifactId: 'pa-sbx1bbbbbbbbb',
  pathId: 'lpv3-sbx1ccccccccc',
} as const;

export const SANDBOX_PROVISION_DELAY_MS = 3000;
const MANAGEMENT_ACCOUNT = '111111111111';

export interface SandboxServiceCatalogOptions {
  world: SandboxWorldData;
  /** Config `accountFactory.productName`: only the sandbox product's name is found. */
  productName: string;
  delayMs?: number;
  onEvent?: (event: Record<string, unknown>) => void | Promise<void>;
  dropEvents?: boolean;
  now?: () => Date;
}

interface SandboxRecord {
  recordId: string;
  input: ProvisionAccountInput;
  status: RecordView['status'];
  accountId?: string;
  errors: string[];
  requestedAt: string;
}

export class SandboxServiceCatalog implements AccountFactory {
  /** Records by request id (the provision token). */
  readonly records = new Map<string, SandboxRecord>();
  /** Every ProvisionProduct call, for tests (replays included). */
  readonly provisionCalls: ProvisionAccountInput[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: SandboxServiceCatalogOptions) {}

  /** @inheritdoc */
  async provision(input: ProvisionAccountInput): Promise<ProvisionedRecord> {
    this.provisionCalls.push(structuredClone(input));
    if (this.options.productName !== SANDBOX_PRODUCT.name) {
      throw new AccountFactoryError(
        'PRODUCT_NOT_FOUND',
        `The Service Catalog product "${this.options.productName}" was not found. Is the vending role in the Account Factory portfolio? (config accountFactory.productName)`,
      );
    }
    const name = provisionedProductName(input.accountName, input.requestId);
    const existing = this.records.get(input.requestId);
    if (existing) return { recordId: existing.recordId, provisionedProductName: name };
    const record: SandboxRecord = {
      recordId: `rec-${sandboxAccountId(input.requestId).slice(0, 12)}`,
      input: structuredClone(input),
      status: 'IN_PROGRESS',
      errors: [],
      requestedAt: this.now().toISOString(),
    };
    this.records.set(input.requestId, record);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.finish(record);
    }, this.options.delayMs ?? SANDBOX_PROVISION_DELAY_MS);
    this.timers.add(timer);
    return { recordId: record.recordId, provisionedProductName: name };
  }

  /** @inheritdoc */
  async describeRecord(recordId: string): Promise<RecordView> {
    const record = [...this.records.values()].find((r) => r.recordId === recordId);
    if (!record)
      throw new AccountFactoryError('RECORD_NOT_FOUND', `Provisioning record ${recordId} was not found.`);
    return {
      status: record.status,
      errors: [...record.errors],
      ...(record.accountId ? { accountId: record.accountId } : {}),
    };
  }

  /** Cancels pending completions (stopping the local stack). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async finish(record: SandboxRecord): Promise<void> {
    const { input } = record;
    const failed = /^fail-/i.test(input.accountName);
    if (failed) {
      record.status = 'FAILED';
      record.errors = [
        'AccountFactoryError: simulated failure in the sandbox (account names starting with fail- always fail)',
      ];
    } else {
      record.status = 'SUCCEEDED';
      record.accountId = sandboxAccountId(input.requestId);
      this.options.world.accounts.push({
        id: record.accountId,
        name: input.accountName,
        email: input.accountEmail,
        ou: input.organizationalUnit.id,
      });
    }
    if (this.options.dropEvents || !this.options.onEvent) return;
    const event = createManagedAccountEvent({
      state: record.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED',
      account: { name: input.accountName, ...(record.accountId ? { id: record.accountId } : {}) },
      organizationalUnit: input.organizationalUnit,
      message: failed
        ? 'AWS Control Tower could not create the account (sandbox: simulated failure for fail-* names).'
        : 'AWS Control Tower successfully created a managed account.',
      requestedAt: record.requestedAt,
      completedAt: this.now().toISOString(),
      region: SANDBOX_REGION,
      managementAccountId: MANAGEMENT_ACCOUNT,
    });
    await this.options.onEvent(event);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
