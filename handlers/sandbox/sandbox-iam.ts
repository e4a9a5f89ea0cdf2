/**
 * The sandbox twin of IAM's access keys (DESIGN §4): users `alice`, `bob`, `ci-deployer` (one key
 * each), `build-agent` (an inactive second key) and `deploy-bot` (two active keys), with keys of
 * different ages and last uses, IAM's two-key limit, and eventual consistency — a new key is
 * missing from the next `lagLists` ListAccessKeys answers and DeleteAccessKey calls, as in IAM.
 * Generated secrets are random and exist only in the answer to `createKey` (and the sandbox vault).
 * The seeded key ids are variations of AWS's documentation example `AKIAIOSFODNN7EXAMPLE`.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type {
  AccessKeyInfo,
  AccessKeyStatus,
  AccessKeys,
  IamUser,
  KeyLastUse,
  NewAccessKey,
} from '../key-rotation/access-keys.port';
import { AccessKeyLimitError } from '../key-rotation/key-rotation.errors';

export const SANDBOX_ACCOUNT_ID = '123456789012';
const DAY_MS = 86_400_000;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface SandboxKey {
  accessKeyId: string;
  status: AccessKeyStatus;
  createDate: string;
  lastUsed?: KeyLastUse;
  /** ListAccessKeys / DeleteAccessKey calls that still miss this key (eventual consistency). */
  hiddenFor?: number;
}

export interface SandboxIamData {
  users: Record<string, SandboxKey[]>;
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** The default users and keys, dated relative to `now`. */
export function defaultSandboxIam(now: Date = new Date()): SandboxIamData {
  return {
    users: {
      alice: [
        {
          accessKeyId: 'AKIAIOSFODNN7ALC0001',
          status: 'Active',
          createDate: daysAgo(now, 120),
          lastUsed: { at: daysAgo(now, 3), serviceName: 's3', region: 'us-east-1' },
        },
      ],
      bob: [
        {
          accessKeyId: 'AKIAIOSFODNN7BOB0001',
          status: 'Active',
          createDate: daysAgo(now, 200),
          lastUsed: {
            at: new Date(now.getTime() - 3_600_000).toISOString(),
            serviceName: 'sts',
            region: 'eu-west-1',
          },
        },
      ],
      'ci-deployer': [
        {
          accessKeyId: 'AKIAIOSFODNN7CIDLOY1',
          status: 'Active',
          createDate: daysAgo(now, 95),
          lastUsed: { at: daysAgo(now, 1), serviceName: 'cloudformation', region: 'us-east-1' },
        },
      ],
      // Two keys, one inactive: rotating offers to delete the inactive one first.
      'build-agent': [
        { accessKeyId: 'AKIAIOSFODNN7BLDAG01', status: 'Active', createDate: daysAgo(now, 60) },
        { accessKeyId: 'AKIAIOSFODNN7BLDAG02', status: 'Inactive', createDate: daysAgo(now, 150) },
      ],
      // Two active keys: rotating is refused with guidance.
      'deploy-bot': [
        {
          accessKeyId: 'AKIAIOSFODNN7DPLYB01',
          status: 'Active',
          createDate: daysAgo(now, 100),
          lastUsed: { at: daysAgo(now, 2), serviceName: 'ecr', region: 'us-east-1' },
        },
        { accessKeyId: 'AKIAIOSFODNN7DPLYB02', status: 'Active', createDate: daysAgo(now, 10) },
      ],
    },
  };
}

/** Simulated IAM. `lagLists` = how many reads miss a new key (default 1: one retry is needed). */
export class SandboxIam implements AccessKeys {
  constructor(
    readonly data: SandboxIamData = defaultSandboxIam(),
    private readonly options: { clock?: () => Date; lagLists?: number } = {},
  ) {}

  async getUser(userName: string): Promise<IamUser | undefined> {
    if (!this.data.users[userName]) return undefined;
    return { userName, arn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/${userName}` };
  }

  async listUsers(): Promise<string[]> {
    return Object.keys(this.data.users);
  }

  async listKeys(userName: string): Promise<AccessKeyInfo[]> {
    return this.keys(userName).flatMap((k) => {
      if (k.hiddenFor) {
        k.hiddenFor -= 1;
        return [];
      }
      return [{ accessKeyId: k.accessKeyId, status: k.status, createDate: k.createDate }];
    });
  }

  async lastUsed(accessKeyId: string): Promise<KeyLastUse> {
    const key = Object.values(this.data.users)
      .flat()
      .find((k) => k.accessKeyId === accessKeyId);
    return key?.lastUsed ? { ...key.lastUsed } : {};
  }

  async createKey(userName: string): Promise<NewAccessKey> {
    const keys = this.keys(userName);
    if (keys.length >= 2) throw new AccessKeyLimitError(userName);
    const accessKeyId = `AKIA${Array.from({ length: 16 }, () => KEY_ALPHABET[randomInt(32)]).join('')}`;
    const createDate = (this.options.clock?.() ?? new Date()).toISOString();
    keys.push({ accessKeyId, status: 'Active', createDate, hiddenFor: this.options.lagLists ?? 1 });
    return { userName, accessKeyId, secretAccessKey: randomBytes(30).toString('base64'), createDate };
  }

  async deactivateKey(userName: string, accessKeyId: string): Promise<void> {
    const key = this.keys(userName).find((k) => k.accessKeyId === accessKeyId);
    if (key) key.status = 'Inactive';
  }

  async deleteKey(userName: string, accessKeyId: string): Promise<'deleted' | 'not-found'> {
    const keys = this.keys(userName);
    const index = keys.findIndex((k) => k.accessKeyId === accessKeyId);
    const key = keys[index];
    if (!key) return 'not-found';
    if (key.hiddenFor) {
      key.hiddenFor -= 1;
      return 'not-found';
    }
    keys.splice(index, 1);
    return 'deleted';
  }

  private keys(userName: string): SandboxKey[] {
    const keys = this.data.users[userName];
    if (!keys)
      throw Object.assign(new Error(`The user with name ${userName} cannot be found.`), {
        name: 'NoSuchEntityException',
      });
    return keys;
  }
}
