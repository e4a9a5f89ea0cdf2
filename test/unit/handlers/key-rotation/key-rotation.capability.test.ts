import { createCodeHook } from '../../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../../local/sandbox-deps';
import { lexEvent, messageOf, slot } from '../../../kit/lex-events';

function rotateEvent(as: 'alice' | 'bob' | 'carol' | 'dave', userName?: string) {
  const event = lexEvent('dialog-rotate-access-key', as);
  event.inputTranscript = userName ? `rotate the access key of ${userName}` : 'rotate my key';
  event.sessionState.intent.slots.UserName = userName ? slot(userName) : null;
  return event;
}

describe('RotateAccessKey dialog', () => {
  it('"rotate my key" fills in the caller’s mapped IAM user and goes on to the confirmation', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(rotateEvent('alice'));
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(messageOf(response)).toMatch(/It runs without approval\.$/);
    expect(response.sessionState.intent?.slots?.UserName?.value?.interpretedValue).toBe('alice');
  });

  it('tells a Slack user with no mapped IAM user how to get one, and ends the dialog', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(rotateEvent('dave'));
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toContain('add "iamUser" for your Slack user id UDAVE00001 under "users"');
  });

  it('asks an admin with no mapped IAM user which user, rather than guessing', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(rotateEvent('carol'));
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'Delegate' });
    expect(response.sessionState.intent?.slots?.UserName ?? null).toBeNull();
  });

  it('refuses a user with two active keys, saying which key was last used when', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(rotateEvent('carol', 'deploy-bot'));
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'Close' });
    const message = messageOf(response);
    expect(message).toContain('already has two active access keys');
    expect(message).toContain('…YB01 (Active, 100 days old, last used 2 days ago by ecr in us-east-1)');
    expect(message).toContain('…YB02 (Active, 10 days old, never used)');
    expect(message).toContain('never delete or deactivate an active key');
  });

  it('offers to delete an inactive second key, naming its last 4 characters and age', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(rotateEvent('carol', 'build-agent'));
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(messageOf(response)).toContain('delete the inactive key …AG02 (created 150 days ago)');
    expect(messageOf(response)).toContain('Delete …AG02 and rotate?');
  });

  it('re-elicits an IAM user IAM does not know (GetUser)', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());
    // Act
    const response = await hook(rotateEvent('carol', 'mallory'));
    // Assess
    expect(response.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'UserName' });
    expect(messageOf(response)).toContain('There is no IAM user named mallory');
  });
});
