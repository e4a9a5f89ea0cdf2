/**
 * The AWS Organizations adapter of {@link OrganizationDirectory}. Every list call is read to its
 * last page with the SDK's paginators: `ListAccounts`, `ListRoots`, and
 * `ListOrganizationalUnitsForParent` walked breadth-first from each root, so nested OUs are found
 * with their path (https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListOrganizationalUnitsForParent.html).
 * Answers are cached per warm container for `ttlMs` (default one minute) to keep the dialog
 * snappy; `{ fresh: true }` (fulfilment) always asks AWS again and refreshes the cache.
 */
import {
  type OrganizationsClient,
  paginateListAccounts,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import type {
  LookupOptions,
  OrganizationAccount,
  OrganizationalUnit,
  OrganizationDirectory,
} from './organization.port';

export const LOOKUP_TTL_MS = 60_000;

export interface OrganizationsDirectoryOptions {
  client: OrganizationsClient;
  ttlMs?: number;
  now?: () => number;
}

/** One cached answer and when it was fetched. */
class Cached<T> {
  private entry?: { at: number; value: Promise<T> };

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(fresh: boolean): Promise<T> {
    const at = this.now();
    if (!fresh && this.entry && at - this.entry.at < this.ttlMs) return this.entry.value;
    const value = this.load();
    this.entry = { at, value };
    value.catch(() => {
      if (this.entry?.value === value) this.entry = undefined;
    });
    return value;
  }
}

export class OrganizationsDirectory implements OrganizationDirectory {
  private readonly ous: Cached<OrganizationalUnit[]>;
  private readonly accounts: Cached<OrganizationAccount[]>;

  constructor(private readonly options: OrganizationsDirectoryOptions) {
    const ttl = options.ttlMs ?? LOOKUP_TTL_MS;
    const now = options.now ?? Date.now;
    this.ous = new Cached(() => this.loadOus(), ttl, now);
    this.accounts = new Cached(() => this.loadAccounts(), ttl, now);
  }

  /** @inheritdoc */
  listOrganizationalUnits(options: LookupOptions = {}): Promise<OrganizationalUnit[]> {
    return this.ous.get(options.fresh === true);
  }

  /** @inheritdoc */
  listAccounts(options: LookupOptions = {}): Promise<OrganizationAccount[]> {
    return this.accounts.get(options.fresh === true);
  }

  private async loadAccounts(): Promise<OrganizationAccount[]> {
    const accounts: OrganizationAccount[] = [];
    for await (const page of paginateListAccounts({ client: this.options.client }, {})) {
      for (const a of page.Accounts ?? []) {
        if (a.Id) accounts.push({ id: a.Id, name: a.Name ?? '', email: a.Email ?? '' });
      }
    }
    return accounts;
  }

  private async loadOus(): Promise<OrganizationalUnit[]> {
    const client = this.options.client;
    const found: OrganizationalUnit[] = [];
    const parents: { id: string; path: string }[] = [];
    for await (const page of paginateListRoots({ client }, {})) {
      for (const root of page.Roots ?? [])
        if (root.Id) parents.push({ id: root.Id, path: root.Name ?? 'Root' });
    }
    for (let parent = parents.shift(); parent; parent = parents.shift()) {
      const pages = paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent.id });
      for await (const page of pages) {
        for (const ou of page.OrganizationalUnits ?? []) {
          if (!ou.Id || !ou.Name) continue;
          const path = `${parent.path} / ${ou.Name}`;
          found.push({ id: ou.Id, name: ou.Name, path });
          parents.push({ id: ou.Id, path });
        }
      }
    }
    return found;
  }
}
