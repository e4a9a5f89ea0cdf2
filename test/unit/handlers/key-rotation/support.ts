/** Shared set-up for the key-rotation unit tests: SDK-shaped fixtures and a rotation request. */
import type { ChatOpsConfig } from '../../../../handlers/config/config.schema';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';
import { loadFixture } from '../../../support/fixtures';

/** The fixture `name` of aws/iam-access-keys.json with `*Date` strings turned into Dates (as the SDK returns). */
export function awsFixture<T = Record<string, unknown>>(name: string): T {
  const all = loadFixture<Record<string, unknown>>('aws/iam-access-keys.json');
  return revive(all[name]) as T;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k.endsWith('Date') && typeof v === 'string' ? new Date(v) : revive(v),
      ]),
    );
  }
  return value;
}

/** The fixture's generated secret (the leak assertions look for it). */
export const FIXTURE_SECRET = 'fixtureSecret/K7MDENG+bPxRfiCYzzSECRETzz';

export const noSleep = { attempts: 4, baseDelayMs: 100, sleep: async () => {} };

export function testConfig(overrides: Partial<ChatOpsConfig['keyRotation']> = {}): ChatOpsConfig {
  const config = parseConfig(localConfig);
  return { ...config, keyRotation: { ...config.keyRotation, ...overrides } };
}

/** An IN_PROGRESS RotateAccessKey request for alice. */
export function rotationRequest(userName = 'alice'): ChatOpsRequest {
  return {
    id: 'REQ-5G8H3N7Q',
    intent: 'RotateAccessKey',
    parameters: { UserName: userName },
    requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', name: 'Alice Example' },
    origin: { teamId: 'T0SANDBOX', channelId: 'D0ALICE', threadTs: '1700000000.000100' },
    status: 'IN_PROGRESS',
    version: 4,
    createdAt: '2026-12-01T11:59:00.000Z',
    updatedAt: '2026-12-01T12:00:00.000Z',
    idempotencyKey: 'session:turn',
  };
}

/** The class names of the commands a mock received, in order. */
export function commandNames(calls: readonly { args: readonly unknown[] }[]): string[] {
  return calls.map((c) => (c.args[0] as object).constructor.name);
}
