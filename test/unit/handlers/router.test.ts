import { RecordingApprovalRequests } from '../../../handlers/approvals/approval-requests.port';
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { RecordingExecutions } from '../../../handlers/execution/execution.port';
import { staticIdentityKeys } from '../../../handlers/identity/identity-keys';
import { signIdentityAttributes } from '../../../handlers/identity/identity-signature';
import { MemoryLedger } from '../../../handlers/ledger/memory-ledger';
import { REQUEST_STATUSES } from '../../../handlers/ledger/request';
import { createCodeHook } from '../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';
import { TEST_IDENTITY_KEY } from '../../kit/identity';
import { lexEvent, messageOf, requestIdIn, slot } from '../../kit/lex-events';

describe('code hook router: failures become safe Close responses', () => {
  it('closes an unknown intent with an explicit failure', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(lexEvent('fulfillment-unknown-intent'));
    // Assess
    expect(response.sessionState.dialogAction.type).toBe('Close');
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toContain('I don\'t know how to handle "DeleteProductionDatabase"');
  });

  const CAROL_AS_ADMIN = {
    'chatops:slackTeamId': 'T0SANDBOX',
    'chatops:slackUserId': 'UCAROL0001',
    'chatops:slackChannelId': 'D0CAROL001',
    'chatops:slackUserGroupIds': 'S0ADMINS',
    // VendAccount's SSO user comes from the verified profile (name + email).
    'chatops:slackUserName': 'Carol Example',
    'chatops:slackUserEmail': 'carol@example.com',
    'chatops:turnId': 'Ev0FORGED01',
    'chatops:slackGuest': 'false',
  };
  const signedAsCarol = (nowMs = Date.now(), key = TEST_IDENTITY_KEY) =>
    signIdentityAttributes(CAROL_AS_ADMIN, key, nowMs);

  it.each([
    ['missing', () => undefined],
    ['null', () => null],
    [
      'without a user id',
      () => ({ 'chatops:slackTeamId': 'T0SANDBOX', 'chatops:slackChannelId': 'D0ALICE001' }),
    ],
    ['a complete identity without a signature', () => ({ ...CAROL_AS_ADMIN })],
    ['signed with another key', () => signedAsCarol(Date.now(), 'forger-key-forger-key-forger-key-0000')],
    [
      'signed, then edited to another user',
      () => ({ ...signedAsCarol(), 'chatops:slackUserId': 'UBOB00001' }),
    ],
    ['signed more than 5 minutes ago', () => signedAsCarol(Date.now() - 6 * 60_000)],
    ['signed 2 minutes in the future', () => signedAsCarol(Date.now() + 2 * 60_000)],
  ])('refuses to act when requestAttributes are %s', async (_label, attributes) => {
    // Prepare
    const ledger = new MemoryLedger();
    const approvals = new RecordingApprovalRequests();
    const executions = new RecordingExecutions();
    const hook = createCodeHook(createSandboxCodeHookDeps({ ledger, approvals, executions }));
    const event = lexEvent('fulfillment-vend-account');
    event.requestAttributes = attributes() as Record<string, string> | null | undefined;
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction.type).toBe('Close');
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toBe(
      "Sorry, I couldn't verify who you are, so I can't do that. Please use ChatOps from Slack.",
    );
    for (const status of REQUEST_STATUSES) expect((await ledger.listByStatus(status)).items).toEqual([]);
    for (const user of ['UALICE0001', 'UCAROL0001', 'UBOB00001'])
      expect((await ledger.listByRequester(user)).items).toEqual([]);
    expect(approvals.requested).toEqual([]);
    expect(executions.started).toEqual([]);
  });

  it('accepts the same identity when signed now with the key in force', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    const hook = createCodeHook(createSandboxCodeHookDeps({ ledger }));
    const event = lexEvent('fulfillment-vend-account');
    event.requestAttributes = signedAsCarol();
    // Act
    const response = await hook(event);
    // Assess
    const id = requestIdIn(messageOf(response)) ?? '';
    expect(id).toMatch(/^REQ-/);
    expect((await ledger.get(id))?.requester.slackUserId).toBe('UCAROL0001');
  });

  it('accepts an identity signed with the previous key during a rotation window', async () => {
    // Prepare
    const previous = 'previous-identity-key-previous-identity-key';
    const identityKeys = staticIdentityKeys({ current: TEST_IDENTITY_KEY, previous });
    const hook = createCodeHook(createSandboxCodeHookDeps({ identityKeys }));
    const event = lexEvent('fulfillment-help');
    event.requestAttributes = signedAsCarol(Date.now(), previous);
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.intent?.state).toBe('Fulfilled');
  });

  it.each([
    ['a string', 'not an event'],
    ['an event without sessionState', { invocationSource: 'FulfillmentCodeHook', sessionId: 's', bot: {} }],
  ])('answers %s with Close/Failed and a reference id', async (_label, raw) => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(raw);
    // Assess
    expect(response.sessionState.dialogAction.type).toBe('Close');
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toMatch(/could not read that request \(reference ERR-[0-9a-f]{8}\)/);
  });

  it('turns a ledger outage before any request exists into a Failed close with a reference', async () => {
    // Prepare
    const ledger = new MemoryLedger();
    jest
      .spyOn(ledger, 'create')
      .mockRejectedValue(Object.assign(new Error('throttled'), { code: 'LEDGER_UNAVAILABLE' }));
    const hook = createCodeHook(createSandboxCodeHookDeps({ ledger }));
    // Act
    const response = await hook(lexEvent('fulfillment-vend-account'));
    // Assess
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toMatch(
      /^Sorry, something went wrong with your request \(reference ERR-[0-9a-f]{8}\) \(LEDGER_UNAVAILABLE\)\. Nothing was changed\.$/,
    );
  });

  it('refuses an intent the caller has no role for, naming the role', async () => {
    // Prepare
    const config = parseConfig({ ...localConfig, intents: { VendAccount: { roles: ['admin'] } } });
    const hook = createCodeHook(createSandboxCodeHookDeps({ config }));
    // Act
    const response = await hook(lexEvent('dialog-vend-account', 'alice'));
    // Assess
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toBe("Sorry, VendAccount needs the admin role, and you don't have it.");
  });
});

describe('code hook router: Help', () => {
  it('lists what the caller can run, generated from the catalog', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(lexEvent('fulfillment-help'));
    // Assess
    const text = messageOf(response);
    expect(response.sessionState.intent?.state).toBe('Fulfilled');
    expect(text).toContain('Create a new AWS account');
    expect(text).toContain('Show the status of a CodePipeline pipeline');
    expect(text).not.toContain('Anything I did not understand');
  });

  it('hides intents the caller’s roles cannot run', async () => {
    // Prepare
    const config = parseConfig({ ...localConfig, intents: { VendAccount: { roles: ['admin'] } } });
    const hook = createCodeHook(createSandboxCodeHookDeps({ config }));
    // Act
    const alice = messageOf(await hook(lexEvent('fulfillment-help', 'alice')));
    const carol = messageOf(await hook(lexEvent('fulfillment-help', 'carol')));
    // Assess
    expect(alice).not.toContain('Create a new AWS account');
    expect(carol).toContain('Create a new AWS account');
  });
});

describe('code hook router: RequestStatus', () => {
  async function fileRequest() {
    const ledger = new MemoryLedger();
    const hook = createCodeHook(createSandboxCodeHookDeps({ ledger }));
    const filed = await hook(lexEvent('fulfillment-vend-account', 'alice'));
    return { hook, id: requestIdIn(messageOf(filed)) ?? '' };
  }

  function statusEvent(id: string, as: 'alice' | 'bob' | 'carol' | 'dave') {
    const event = lexEvent('fulfillment-request-status', as);
    // As Lex AMAZON.AlphaNumeric keeps it: no hyphen, lower case.
    event.sessionState.intent.slots.RequestId = slot(id.replace('-', '').toLowerCase());
    return event;
  }

  it.each(['alice', 'bob', 'carol'] as const)('shows the request and its history to %s', async (who) => {
    // Prepare
    const { hook, id } = await fileRequest();
    // Act
    const text = messageOf(await hook(statusEvent(id, who)));
    // Assess
    expect(text).toContain(`Request ${id}: VendAccount is PENDING_APPROVAL.`);
    expect(text).toContain('AccountEmail=dana@example.com');
    expect(text).toContain('RECEIVED → PENDING_APPROVAL by system');
  });

  it('hides the request from anyone else with the same words as for a missing one', async () => {
    // Prepare
    const { hook, id } = await fileRequest();
    // Act
    const hidden = messageOf(await hook(statusEvent(id, 'dave')));
    const missing = messageOf(await hook(statusEvent('REQ-00000000', 'dave')));
    // Assess
    expect(hidden).toBe(missing.replace('REQ-00000000', id));
    // The one visibility rule's words, the same as `/chatops status` (handlers/authz/request-visibility.ts).
    expect(hidden).toBe(`I cannot find a request ${id} that you are allowed to see.`);
  });
});
