import { createCodeHook } from '../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';
import { lexEvent, messageOf, slot } from '../../kit/lex-events';

describe('code hook router: DialogCodeHook', () => {
  it('delegates with normalised values when every filled slot is valid (nluConfidence as a number)', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('dialog-vend-account');
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'Delegate' });
    expect(response.sessionState.intent?.state).toBe('InProgress');
    expect(response.sessionState.intent?.slots?.OrganizationalUnit?.value?.interpretedValue).toBe(
      'Workloads (ou-wkl1-22222222)',
    );
    expect(response.sessionState.intent?.slots?.AccountType).toBeNull();
  });

  it('re-elicits the email with a specific message when it already owns an account', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('dialog-vend-account');
    event.sessionState.intent.slots.AccountEmail = slot('aws-audit@example.com');
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountEmail' });
    expect(response.sessionState.intent?.slots?.AccountEmail).toBeNull();
    expect(messageOf(response)).toBe(
      'aws-audit@example.com already owns an AWS account in this organization. Please give an unused email address.',
    );
  });

  it.each([
    ['AccountEmail', 'not-an-email', 'is not a valid email address'],
    [
      'OrganizationalUnit',
      'Marketing',
      'Choose one of: Root / Sandbox, Root / Workloads, Root / Security, Root / Workloads / Dev.',
    ],
    ['AccountName', 'x'.repeat(51), 'is not a valid account name'],
    ['AccountName', 'café-lab', 'is not a valid account name'],
  ])('re-elicits %s for %s', async (name, value, expected) => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('dialog-vend-account');
    event.sessionState.intent.slots[name] = slot(value);
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: name });
    expect(messageOf(response)).toContain(expected);
  });

  it('refuses to let a requester rotate somebody else’s key', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('dialog-rotate-access-key', 'alice');
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'UserName' });
    expect(messageOf(response)).toContain('You can only rotate your own access key (yours is alice)');
  });

  it('lets an admin rotate any existing user’s key', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('dialog-rotate-access-key', 'carol');
    // Act
    const response = await hook(event);
    // Assess: complete, so the hook confirms, saying that someone else's key needs approval
    expect(response.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(messageOf(response)).toMatch(/It will need approval\.$/);
  });

  it('resolves "mine" to the caller’s mapped IAM user', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('dialog-rotate-access-key', 'bob');
    event.sessionState.intent.slots.UserName = slot('mine');
    // Act
    const response = await hook(event);
    // Assess: one's own key runs without approval (whenOtherUser), and the confirmation says so
    expect(response.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(messageOf(response)).toMatch(/It runs without approval\.$/);
    expect(response.sessionState.intent?.slots?.UserName?.value?.interpretedValue).toBe('bob');
    expect(response.sessionState.intent?.slots?.UserName?.value?.originalValue).toBe('mine');
  });

  it('re-elicits a malformed request id with the expected format', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    const event = lexEvent('fulfillment-request-status');
    event.invocationSource = 'DialogCodeHook';
    event.sessionState.intent.slots.RequestId = slot('banana');
    // Act
    const response = await hook(event);
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'RequestId' });
    expect(messageOf(response)).toContain('Request ids look like REQ-5G8H3N7Q');
  });

  it('does not repeat a look-up for a value already accepted in this session', async () => {
    // Prepare
    const deps = createSandboxCodeHookDeps();
    const lookups = jest.spyOn(deps.organization, 'listAccounts');
    const hook = createCodeHook(deps);
    const first = await hook(lexEvent('dialog-vend-account'));
    const afterFirst = lookups.mock.calls.length;
    const second = lexEvent('dialog-vend-account');
    second.sessionState.sessionAttributes = first.sessionState.sessionAttributes ?? {};
    // Act
    await hook(second);
    // Assess
    expect(afterFirst).toBeGreaterThan(0);
    expect(lookups).toHaveBeenCalledTimes(afterFirst);
  });
});
