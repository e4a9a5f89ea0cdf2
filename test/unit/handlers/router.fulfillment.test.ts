import { RecordingApprovalRequests } from '../../../handlers/approvals/approval-requests.port';
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { RecordingExecutions } from '../../../handlers/execution/execution.port';
import { MemoryLedger } from '../../../handlers/ledger/memory-ledger';
import { createCodeHook } from '../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';
import { lexEvent, messageOf, requestIdIn, slot } from '../../kit/lex-events';

function setup(configOverrides: Record<string, unknown> = {}) {
  const ledger = new MemoryLedger();
  const approvals = new RecordingApprovalRequests(['bob@example.com', 'carol@example.com']);
  const executions = new RecordingExecutions();
  const config = parseConfig({ ...localConfig, ...configOverrides });
  const deps = createSandboxCodeHookDeps({ ledger, approvals, executions, config });
  return { hook: createCodeHook(deps), ledger, approvals, executions, deps };
}

describe('code hook router: FulfillmentCodeHook', () => {
  it('records a write request and moves it to approval (nluConfidence as {score})', async () => {
    // Prepare
    const { hook, ledger, approvals } = setup();
    // Act
    const response = await hook(lexEvent('fulfillment-vend-account'));
    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(response.sessionState.dialogAction.type).toBe('Close');
    expect(response.sessionState.intent?.state).toBe('Fulfilled');
    expect(messageOf(response)).toContain(`Request ${id} is waiting for approval (2 approvers notified)`);
    const request = await ledger.get(id);
    expect(request).toMatchObject({
      status: 'PENDING_APPROVAL',
      intent: 'VendAccount',
      parameters: {
        AccountName: 'data-lab',
        AccountEmail: 'dana@example.com',
        OrganizationalUnit: 'Workloads (ou-wkl1-22222222)',
        AccountType: 'Sandbox',
      },
      requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', email: 'alice@example.com' },
      origin: { teamId: 'T0SANDBOX', channelId: 'D0ALICE001' },
    });
    expect((await ledger.history(id)).map((e) => e.toStatus)).toEqual(['RECEIVED', 'PENDING_APPROVAL']);
    expect(approvals.requested.map((r) => r.id)).toEqual([id]);
  });

  it('is idempotent on the Slack turn: a replayed turn finds the same request and resumes it (approvers notified again)', async () => {
    // Prepare
    const { hook, ledger, approvals } = setup();
    const first = await hook(lexEvent('fulfillment-vend-account', 'alice', 'Ev0SAME0001'));
    const id = requestIdIn(messageOf(first)) ?? '';
    // Act
    const second = await hook(lexEvent('fulfillment-vend-account', 'alice', 'Ev0SAME0001'));
    // Assess
    expect(requestIdIn(messageOf(second))).toBe(id);
    expect(messageOf(second)).toContain(`Request ${id} is waiting for approval (2 approvers notified)`);
    expect(approvals.requested.map((r) => r.id)).toEqual([id, id]);
    expect((await ledger.listByRequester('UALICE0001')).items).toHaveLength(1);
    expect(await ledger.history(id)).toHaveLength(2);
  });

  it('records a read-only request once, in its final state, with its full audit trail', async () => {
    // Prepare
    const { hook, ledger } = setup();
    const creates = jest.spyOn(ledger, 'create');
    const transitions = jest.spyOn(ledger, 'transition');
    const advances = jest.spyOn(ledger, 'advance');
    // Act
    const response = await hook(lexEvent('fulfillment-pipeline-status'));
    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(creates).toHaveBeenCalledTimes(1);
    expect(transitions).not.toHaveBeenCalled();
    expect(advances).not.toHaveBeenCalled();
    expect(await ledger.history(id)).toEqual([
      expect.objectContaining({ seq: 1, action: 'CREATED', actor: 'UALICE0001', toStatus: 'RECEIVED' }),
      expect.objectContaining({
        seq: 2,
        actor: 'UALICE0001',
        fromStatus: 'RECEIVED',
        toStatus: 'IN_PROGRESS',
      }),
      expect.objectContaining({
        seq: 3,
        actor: 'system',
        fromStatus: 'IN_PROGRESS',
        toStatus: 'SUCCEEDED',
        details: { 'externalIds.executionId': '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02' },
      }),
    ]);
    expect(ledger.expiries(id).events.every((at) => typeof at === 'number')).toBe(true);
  });

  it('approves by policy and starts execution when config sets approval to never', async () => {
    // Prepare
    const { hook, ledger, executions, approvals } = setup({
      intents: { VendAccount: { approval: 'never' } },
    });
    // Act
    const response = await hook(lexEvent('fulfillment-vend-account'));
    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect((await ledger.get(id))?.status).toBe('APPROVED');
    expect(executions.started.map((r) => r.id)).toEqual([id]);
    expect(approvals.requested).toHaveLength(0);
  });

  it('answers a denied confirmation with the decline response and records nothing', async () => {
    // Prepare
    const { hook, ledger } = setup();
    const event = lexEvent('fulfillment-vend-account');
    event.sessionState.intent.confirmationState = 'Denied';
    // Act
    const response = await hook(event);
    // Assess
    expect(messageOf(response)).toBe('OK, I will not create the account.');
    expect((await ledger.listByRequester('UALICE0001')).items).toHaveLength(0);
  });

  it('re-validates at fulfilment and re-elicits a value that became invalid', async () => {
    // Prepare
    const { hook, ledger } = setup();
    const event = lexEvent('fulfillment-vend-account');
    event.sessionState.intent.slots.AccountEmail = slot('aws-audit@example.com');
    event.sessionState.sessionAttributes = { 'chatops:accepted:AccountEmail': 'aws-audit@example.com' };
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountEmail' });
    expect((await ledger.listByRequester('UALICE0001')).items).toHaveLength(0);
  });

  it('elicits a required slot that is still missing', async () => {
    // Prepare
    const { hook } = setup();
    const event = lexEvent('fulfillment-vend-account');
    event.sessionState.intent.slots.AccountType = null;
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountType' });
    expect(messageOf(response)).toBe('Is this a Sandbox or a Production account?');
  });

  it('runs a read-only intent at once, records it and marks the reply as sandbox', async () => {
    // Prepare
    const { hook, ledger } = setup();
    // Act
    const response = await hook(lexEvent('fulfillment-pipeline-status'));
    // Assess
    const text = messageOf(response);
    expect(text).toContain('Pipeline payments-api is Failed');
    expect(text).toContain('Build: Failed — UnitTests: Build failed: 3 tests failed in PaymentServiceTest');
    expect(text).toContain('Sandbox: simulated AWS');
    const request = await ledger.get(requestIdIn(text) ?? '');
    expect(request?.status).toBe('SUCCEEDED');
    expect(request?.externalIds?.executionId).toBe('7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02');
  });

  it('closes as Failed naming the request id when a handler throws, and records the failure', async () => {
    // Prepare
    const { hook, ledger, deps } = setup();
    jest
      .spyOn(deps.pipelines, 'getPipeline')
      .mockRejectedValue(Object.assign(new Error('boom'), { code: 'THROTTLED' }));
    // Act
    const response = await hook(lexEvent('fulfillment-pipeline-status'));
    // Assess
    const text = messageOf(response);
    const id = requestIdIn(text) ?? '';
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(text).toBe(
      `Sorry, something went wrong with request ${id} (THROTTLED). It is recorded; ask me for the status of ${id}.`,
    );
    expect((await ledger.get(id))?.status).toBe('FAILED');
    expect((await ledger.get(id))?.reason).toBe('THROTTLED');
    expect((await ledger.history(id)).map((e) => e.toStatus)).toEqual(['RECEIVED', 'IN_PROGRESS', 'FAILED']);
  });

  it('keeps a pending request when notifying approvers fails, and says so', async () => {
    // Prepare
    const { hook, ledger, approvals } = setup();
    jest.spyOn(approvals, 'requestApproval').mockRejectedValue(new Error('SNS down'));
    // Act
    const response = await hook(lexEvent('fulfillment-vend-account'));
    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(messageOf(response)).toContain('could not notify the approvers');
    expect((await ledger.get(id))?.status).toBe('PENDING_APPROVAL');
  });
});
