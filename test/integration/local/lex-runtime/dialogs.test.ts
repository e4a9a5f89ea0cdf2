/**
 * Complete multi-turn dialogs for each intent through the real Lex V2 SDK client over HTTP, with
 * the real code-hook router on the sandbox world: elicit, a bad value re-prompted by the dialog
 * hook, confirm, deny, cancel, fulfil.
 */
import { signedIdentity } from '../../../kit/identity';
import { type LocalLexHarness, startLocalLexHarness } from '../../support/local-lex';

let harness: LocalLexHarness;
beforeAll(async () => {
  harness = await startLocalLexHarness();
});
afterAll(async () => {
  await harness.stop();
});

const alice = signedIdentity('alice');
const say = (sessionId: string, text: string) => harness.say(sessionId, text, alice);
const text = (out: { messages?: { content?: string }[] }) =>
  out.messages?.map((m) => m.content).join('\n') ?? '';
const slot = (out: Awaited<ReturnType<typeof say>>, name: string) =>
  out.sessionState?.intent?.slots?.[name]?.value?.interpretedValue;

describe('VendAccount', () => {
  it('elicits every slot by priority, re-prompts a used email from the dialog hook, confirms and fulfils', async () => {
    // Prepare
    const session = 'vend-full';

    // Act
    const askName = await say(session, 'I need a new AWS account');
    const askEmail = await say(session, 'ml-platform-dev');
    const usedEmail = await say(session, 'aws-audit@example.com');
    const askOu = await say(session, 'dana@example.com');
    const askType = await say(session, 'Workloads');
    const confirm = await say(session, 'sandbox');
    const done = await say(session, 'go ahead');

    // Assess
    expect(askName.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountName' });
    expect(askEmail.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'AccountEmail' });
    expect(text(usedEmail)).toContain('aws-audit@example.com already owns an AWS account');
    expect(usedEmail.sessionState?.dialogAction?.slotToElicit).toBe('AccountEmail');
    expect(askOu.sessionState?.dialogAction?.slotToElicit).toBe('OrganizationalUnit');
    expect(askType.sessionState?.dialogAction?.slotToElicit).toBe('AccountType');
    expect(confirm.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(text(confirm)).toContain('Create the Sandbox account ml-platform-dev (dana@example.com)');
    expect(done.sessionState?.intent).toMatchObject({
      name: 'VendAccount',
      state: 'Fulfilled',
      confirmationState: 'Confirmed',
    });
    expect(text(done)).toMatch(/Request REQ-[0-9A-Z]{8} is waiting for approval/);
  });

  it('fills several slots from one utterance and closes a denied confirmation', async () => {
    // Prepare
    const session = 'vend-deny';

    // Act
    const confirm = await say(
      session,
      'a new sandbox account called data-lab for lab-owner@example.com under Workloads',
    );
    const denied = await say(session, 'nope');

    // Assess
    expect(confirm.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(slot(confirm, 'AccountName')).toBe('data-lab');
    expect(slot(confirm, 'AccountType')).toBe('Sandbox');
    expect(denied.sessionState?.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(text(denied)).toBe('OK, I will not create the account.');
  });

  it('cancels mid-dialog', async () => {
    // Prepare
    const session = 'vend-cancel';
    await say(session, 'create an account called data-lab');

    // Act
    const cancelled = await say(session, 'forget it');
    const next = await say(session, 'help');

    // Assess
    expect(cancelled.sessionState?.dialogAction?.type).toBe('Close');
    expect(cancelled.sessionState?.intent).toMatchObject({ name: 'VendAccount', state: 'Failed' });
    expect(next.sessionState?.intent?.name).toBe('Help');
  });
});

describe('RotateAccessKey', () => {
  it('re-prompts for a user Alice may not rotate, then confirms her own key and fulfils', async () => {
    // Prepare
    const session = 'rotate-full';

    // Act
    const refused = await say(session, 'rotate the access key for ci-deployer');
    const ask = refused;
    const confirm = await say(session, 'mine');
    const done = await say(session, 'yes');

    // Assess
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('UserName');
    expect(text(refused)).toContain('You can only rotate your own access key');
    expect(confirm.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(text(confirm)).toContain('Rotate the access key of IAM user alice?');
    expect(done.sessionState?.intent?.state).toBe('Fulfilled');
    expect(text(done)).toMatch(/REQ-[0-9A-Z]{8}/);
  });

  it('closes with the declination when Alice says no', async () => {
    // Prepare
    const session = 'rotate-deny';
    await say(session, 'rotate the access key for alice');

    // Act
    const denied = await say(session, "don't");

    // Assess
    expect(denied.sessionState?.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(text(denied)).toBe('OK, I will not rotate the key.');
  });
});

describe('PipelineStatus', () => {
  it('elicits the pipeline, re-prompts an unknown one and reports the failing stage', async () => {
    // Prepare
    const session = 'pipeline-full';

    // Act
    const ask = await say(session, 'how is my pipeline doing');
    const unknown = await say(session, 'nope-pipeline');
    const done = await say(session, 'the payments-api pipeline');

    // Assess
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('PipelineName');
    expect(text(unknown)).toContain('I can\'t find a pipeline named "nope-pipeline"');
    expect(done.sessionState?.intent).toMatchObject({ name: 'PipelineStatus', state: 'Fulfilled' });
    expect(text(done)).toContain('Build: Failed');
  });
});

describe('RequestStatus', () => {
  it('looks up a request recorded earlier, by its id', async () => {
    // Prepare
    await say('status-setup', 'a new sandbox account called team-blue for blue@example.com under Sandbox');
    const created = text(await say('status-setup', 'yes'));
    const requestId = /REQ-[0-9A-Z]{8}/.exec(created)?.[0] ?? 'missing';

    // Act
    const ask = await say('status-lookup', 'what happened to my request');
    const done = await say('status-lookup', requestId);

    // Assess
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('RequestId');
    expect(done.sessionState?.intent).toMatchObject({ name: 'RequestStatus', state: 'Fulfilled' });
    expect(text(done)).toContain(requestId);
  });
});

describe('Help and FallbackIntent', () => {
  it('answers help and sends out-of-domain requests to the fallback intent without a confidence', async () => {
    // Prepare
    const session = 'help-fallback';

    // Act
    const help = await say(session, 'what can you do');
    const fallback = await say(session, 'book me a flight to London');

    // Assess
    expect(help.sessionState?.intent).toMatchObject({ name: 'Help', state: 'Fulfilled' });
    expect(help.interpretations?.[0]?.nluConfidence?.score).toBe(1);
    expect(fallback.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(fallback.interpretations?.[0]).toMatchObject({ intent: { name: 'FallbackIntent' } });
    expect(fallback.interpretations?.[0]?.nluConfidence).toBeUndefined();
    expect(text(fallback)).not.toBe('');
  });
});
