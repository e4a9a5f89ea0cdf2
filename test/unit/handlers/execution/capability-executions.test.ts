import { buildCapabilityMap, DEFAULT_CAPABILITIES } from '../../../../handlers/capabilities';
import type { Capability } from '../../../../handlers/capability';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { ChatOpsError } from '../../../../handlers/errors';
import { CapabilityExecutions } from '../../../../handlers/execution/capability-executions';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import type { NewRequest } from '../../../../handlers/ledger/request';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';
import { SANDBOX_EXECUTION_NOTE, sandboxAccountId } from '../../../../handlers/sandbox/sandbox-executors';
import { catalog } from '../../../../intents/catalog';
import { createSandboxCodeHookDeps } from '../../../../local/sandbox-deps';
import { loadFixture } from '../../../support/fixtures';

type Deps = ReturnType<typeof createSandboxCodeHookDeps>;

/** An APPROVED request in the ledger, and executions over `capabilities`. */
async function setup(capabilities: readonly Capability<Deps>[] = DEFAULT_CAPABILITIES, change = {}) {
  const ledger = new MemoryLedger();
  const notifier = new RecordingChatNotifier();
  const config = parseConfig(localConfig);
  const input = { ...loadFixture<NewRequest>('ledger/new-request-vend-account.json'), ...change };
  const { request } = await ledger.create(input);
  await ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'system');
  const approved = await ledger.transition(request.id, 'PENDING_APPROVAL', 'APPROVED', 'bob@example.com');
  const executions = new CapabilityExecutions({
    capabilities: new Map(capabilities.map((c) => [c.intent, c])),
    deps: createSandboxCodeHookDeps({ ledger, config }),
    config,
    ledger,
    notifier,
    logger: silentLogger,
  });
  return { ledger, notifier, executions, approved };
}

/** A VendAccount executor that completes at once (the dispatcher's `execute` path under test). */
const simulatedVend: Capability<Deps> = {
  intent: 'VendAccount',
  async execute({ request }) {
    const accountId = sandboxAccountId(request.id);
    return { message: `Account ${accountId}.\n${SANDBOX_EXECUTION_NOTE}`, externalIds: { accountId } };
  },
};
const withSimulatedVend = DEFAULT_CAPABILITIES.map((c) => (c.intent === 'VendAccount' ? simulatedVend : c));

class ProvisioningRefusedError extends ChatOpsError {
  constructor() {
    super('PROVISIONING_REFUSED', 'Service Catalog refused: token abc-secret-123');
  }
}

describe('CapabilityExecutions', () => {
  it('runs an approved request to SUCCEEDED, keeps external ids and audits each step', async () => {
    // Prepare
    const { ledger, executions, approved } = await setup(withSimulatedVend);
    // Act
    await executions.start(approved);
    // Assess
    const done = await ledger.get(approved.id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(done?.externalIds?.accountId).toMatch(/^\d{12}$/);
    const trail = (await ledger.history(approved.id)).slice(-2);
    expect(trail.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['APPROVED', 'IN_PROGRESS', 'system'],
      ['IN_PROGRESS', 'SUCCEEDED', 'system'],
    ]);
  });

  it("posts the outcome in the request's original thread, mentioning the requester", async () => {
    // Prepare
    const { notifier, executions, approved } = await setup(withSimulatedVend);
    // Act
    await executions.start(approved);
    // Assess
    expect(notifier.notices).toHaveLength(1);
    const [posted] = notifier.notices;
    expect(posted?.kind).toBe('thread');
    if (posted?.kind !== 'thread') return;
    expect(posted.origin).toEqual({
      teamId: 'T0SANDBOX',
      channelId: 'C0PLATFORM',
      threadTs: '1700000000.000100',
    });
    expect(posted.notice.text).toBe(`Request ${approved.id} (VendAccount) succeeded.`);
    expect(posted.notice.mentions).toEqual(['UALICE0001']);
    expect(posted.notice.detail).toContain('(Sandbox: simulated AWS');
  });

  it('turns a failing executor into FAILED with its code as reason, tells the requester and throws nothing', async () => {
    // Prepare
    const failing: Capability<Deps> = {
      intent: 'VendAccount',
      async execute() {
        throw new ProvisioningRefusedError();
      },
    };
    const { ledger, notifier, executions, approved } = await setup([failing]);
    // Act
    await expect(executions.start(approved)).resolves.toBeUndefined();
    // Assess
    const failed = await ledger.get(approved.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toBe('PROVISIONING_REFUSED');
    const text = notifier.notices.map((n) => JSON.stringify(n.notice)).join('\n');
    expect(text).toContain(`Request ${approved.id} (VendAccount) failed (PROVISIONING_REFUSED).`);
    expect(text).not.toContain('abc-secret-123');
  });

  it('gives an uncoded failure the reason INTERNAL', async () => {
    // Prepare
    const failing: Capability<Deps> = {
      intent: 'VendAccount',
      async execute() {
        throw new Error('socket hang up');
      },
    };
    const { ledger, executions, approved } = await setup([failing]);
    // Act
    await executions.start(approved);
    // Assess
    expect((await ledger.get(approved.id))?.reason).toBe('INTERNAL');
  });

  it('fails a request whose intent has no executor with NO_EXECUTOR and posts why', async () => {
    // Prepare
    const { ledger, notifier, executions, approved } = await setup([], {
      intent: 'DeleteProductionDatabase',
    });
    // Act
    await executions.start(approved);
    // Assess
    const failed = await ledger.get(approved.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toBe('NO_EXECUTOR');
    expect((await ledger.history(approved.id)).at(-1)).toMatchObject({
      fromStatus: 'APPROVED',
      toStatus: 'FAILED',
    });
    expect(notifier.notices[0]?.notice.text).toContain('failed (NO_EXECUTOR)');
  });

  it('does nothing to a request that is no longer APPROVED (another worker started it)', async () => {
    // Prepare
    const { ledger, notifier, executions, approved } = await setup();
    await ledger.transition(approved.id, 'APPROVED', 'CANCELLED', 'UALICE0001');
    // Act
    await executions.start(approved);
    // Assess
    expect((await ledger.get(approved.id))?.status).toBe('CANCELLED');
    expect(notifier.notices).toHaveLength(0);
  });

  it('keeps the outcome recorded when the thread cannot be reached', async () => {
    // Prepare
    const { ledger, notifier, executions, approved } = await setup(withSimulatedVend);
    jest.spyOn(notifier, 'postToThread').mockRejectedValue(new Error('channel_not_found'));
    // Act
    await expect(executions.start(approved)).resolves.toBeUndefined();
    // Assess
    expect((await ledger.get(approved.id))?.status).toBe('SUCCEEDED');
  });

  it('completes an approved key rotation with a secret name and no key material', async () => {
    // Prepare
    const { ledger, notifier, executions, approved } = await setup(DEFAULT_CAPABILITIES, {
      intent: 'RotateAccessKey',
      parameters: { UserName: 'alice' },
    });
    // Act
    await executions.start(approved);
    // Assess
    const done = await ledger.get(approved.id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(done?.externalIds).toEqual({
      secretName: 'chatops/access-keys/alice',
      secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:chatops/access-keys/alice-Sbx123',
      newAccessKey: expect.stringMatching(/^…[A-Z2-7]{4}$/),
      oldAccessKey: '…0001',
      deactivateAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      deleteAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    const said = JSON.stringify(notifier.notices);
    expect(said).toContain('(Sandbox: simulated AWS');
    expect(said).not.toMatch(/AKIA[0-9A-Z]{16}/);
  });

  it('is built from the same capability map the code hook checks at start-up', () => {
    // Prepare
    const map = buildCapabilityMap(catalog, DEFAULT_CAPABILITIES);
    // Act
    const executors = [...map.values()].filter((c) => c.execute).map((c) => c.intent);
    const launchers = [...map.values()].filter((c) => c.launch).map((c) => c.intent);
    // Assess
    expect(executors.sort()).toEqual(['PipelineApproval', 'RetryPipelineStage', 'RotateAccessKey']);
    expect(launchers).toEqual(['VendAccount']);
  });

  it('hands a launch capability the APPROVED request and leaves its transitions to it', async () => {
    // Prepare
    const { ledger, executions, approved } = await setup();
    // Act
    await executions.start(approved);
    // Assess
    const running = await ledger.get(approved.id);
    expect(running?.status).toBe('IN_PROGRESS');
    expect(running?.externalIds?.recordId).toMatch(/^rec-/);
    const trail = (await ledger.history(approved.id)).slice(-1);
    expect(trail.map((e) => [e.fromStatus, e.toStatus, e.actor])).toEqual([
      ['APPROVED', 'IN_PROGRESS', 'system:account-vending'],
    ]);
  });
});
