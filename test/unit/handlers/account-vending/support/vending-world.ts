/** A sandbox vending world for unit tests: memory ledger on a ticking clock, recording notifier, twins. */
import { accountVendingCapability } from '../../../../../handlers/account-vending/account-vending.capability';
import { parseConfig } from '../../../../../handlers/config/load-config';
import { localConfig } from '../../../../../handlers/config/local-config';
import { MemoryLedger } from '../../../../../handlers/ledger/memory-ledger';
import type { ChatOpsRequest, NewRequest } from '../../../../../handlers/ledger/request';
import { silentLogger } from '../../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../../handlers/notify/chat-notifier.port';
import { createSandboxVending } from '../../../../../handlers/sandbox/sandbox-vending';
import { defaultSandboxWorld } from '../../../../../handlers/sandbox/sandbox-world';
import { loadFixture } from '../../../../support/fixtures';

export const START = Date.parse('2026-12-01T10:00:00.000Z');

/** `delayMs` defaults to an hour: nothing completes unless a test says so. */
export function vendingWorld(options: { delayMs?: number; dropEvents?: boolean; productName?: string } = {}) {
  let tick = 0;
  const clock = { now: START };
  const ledger = new MemoryLedger({ now: () => new Date(clock.now + tick++) });
  const notifier = new RecordingChatNotifier();
  const base = parseConfig(localConfig);
  const config = options.productName
    ? { ...base, accountFactory: { ...base.accountFactory, productName: options.productName } }
    : base;
  const world = defaultSandboxWorld();
  const vending = createSandboxVending({
    config,
    ledger,
    notifier,
    logger: silentLogger,
    world,
    delayMs: options.delayMs ?? 3_600_000,
    ...(options.dropEvents ? { dropEvents: true } : {}),
  });
  /** An APPROVED VendAccount request for `name` (approved now, in call order). */
  async function approved(name: string): Promise<ChatOpsRequest> {
    const input = loadFixture<NewRequest>('ledger/new-request-vend-account.json');
    input.parameters.AccountName = name;
    input.parameters.AccountEmail = `${name}@example.com`;
    input.idempotencyKey = `key-${name}`;
    // Filed as the code hook files it: claiming the account name and email while open.
    const uniqueKeys = accountVendingCapability.uniqueKeys?.(input.parameters) ?? [];
    const { request } = await ledger.create({ ...input, uniqueKeys });
    await ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'system');
    return ledger.transition(request.id, 'PENDING_APPROVAL', 'APPROVED', 'bob@example.com');
  }
  return { ledger, notifier, config, world, clock, ...vending, approved };
}
