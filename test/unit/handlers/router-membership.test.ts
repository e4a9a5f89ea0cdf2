/**
 * One organisation, real members in the code hook (issue 9): the signed organisation facts
 * (`chatops:slackUserTeamId`, `chatops:slackEnterpriseId`, `chatops:slackGuest`) are enforced for
 * every intent, so a guest, a Slack Connect user of another organisation, or a user Slack would
 * not vouch for cannot file a change even with a valid signature, and nothing reaches the ledger.
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import {
  EXTERNAL_REFUSAL,
  GUEST_REFUSAL,
  GUEST_REFUSED_ENTIRELY,
  UNVERIFIED_REFUSAL,
} from '../../../handlers/identity/membership';
import { MemoryLedger } from '../../../handlers/ledger/memory-ledger';
import { createCodeHook } from '../../../handlers/router';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';
import { signedForTest } from '../../kit/identity';
import { type FixtureEvent, lexEvent, messageOf, requestIdIn } from '../../kit/lex-events';

/** The fixture event re-signed with some organisation facts changed (undefined: removed). */
function withFacts(event: FixtureEvent, facts: Record<string, string | undefined>): FixtureEvent {
  const attrs: Record<string, string> = { ...(event.requestAttributes ?? {}) };
  delete attrs['chatops:issuedAt'];
  delete attrs['chatops:signature'];
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined) delete attrs[key];
    else attrs[key] = value;
  }
  return { ...event, requestAttributes: signedForTest(attrs) };
}

const GUEST = { 'chatops:slackGuest': 'true' };
const OTHER_ORG = { 'chatops:slackUserTeamId': 'T0OTHERORG' };
const FROM_OTHER_WORKSPACE = { 'chatops:slackTeamId': 'T0OTHERORG', 'chatops:slackUserTeamId': 'T0OTHERORG' };
const UNVERIFIED = { 'chatops:slackGuest': undefined, 'chatops:slackUserTeamId': undefined };

describe('code hook router: one organisation, real members', () => {
  it.each([
    ['a guest', GUEST, GUEST_REFUSAL],
    ['a Slack Connect user of another organisation', OTHER_ORG, EXTERNAL_REFUSAL],
    ['a turn from another workspace', FROM_OTHER_WORKSPACE, EXTERNAL_REFUSAL],
    ['a user Slack would not describe', UNVERIFIED, UNVERIFIED_REFUSAL],
  ])('refuses a change by %s and records nothing', async (_label, facts, message) => {
    // Prepare
    const ledger = new MemoryLedger();
    const hook = createCodeHook(createSandboxCodeHookDeps({ ledger }));

    // Act
    const response = await hook(withFacts(lexEvent('fulfillment-vend-account', 'alice'), facts));

    // Assess
    expect(response.sessionState.intent?.state).toBe('Failed');
    expect(messageOf(response)).toBe(message);
    expect((await ledger.listByRequester('UALICE0001')).items).toEqual([]);
  });

  it('refuses a guest even read-only intents by default', async () => {
    // Prepare
    const hook = createCodeHook(createSandboxCodeHookDeps());

    // Act
    const response = await hook(withFacts(lexEvent('fulfillment-pipeline-status'), GUEST));

    // Assess
    expect(messageOf(response)).toBe(GUEST_REFUSED_ENTIRELY);
  });

  it('lets a guest use a read-only intent, and only that, when slack.guests is readOnly', async () => {
    // Prepare
    const config = parseConfig({ ...localConfig, slack: { ...localConfig.slack, guests: 'readOnly' } });
    const hook = createCodeHook(createSandboxCodeHookDeps({ config }));

    // Act
    const read = await hook(withFacts(lexEvent('fulfillment-pipeline-status'), GUEST));
    const write = await hook(withFacts(lexEvent('fulfillment-vend-account'), GUEST));

    // Assess
    expect(read.sessionState.intent?.state).toBe('Fulfilled');
    expect(messageOf(write)).toBe(GUEST_REFUSAL);
  });

  it('accepts a member from any workspace of the configured Enterprise Grid organisation', async () => {
    // Prepare
    const config = parseConfig({
      ...localConfig,
      slack: { approversChannel: 'C0APPROVALS', enterpriseId: 'E0ACMEORG' },
    });
    const ledger = new MemoryLedger();
    const hook = createCodeHook(createSandboxCodeHookDeps({ config, ledger }));
    const grid = {
      'chatops:slackTeamId': 'T0GRIDWS02',
      'chatops:slackUserTeamId': 'T0GRIDWS02',
      'chatops:slackEnterpriseId': 'E0ACMEORG',
    };

    // Act
    const member = await hook(withFacts(lexEvent('fulfillment-vend-account', 'carol'), grid));
    const outsider = await hook(
      withFacts(lexEvent('fulfillment-vend-account', 'carol'), {
        ...grid,
        'chatops:slackEnterpriseId': 'E0OTHERORG',
      }),
    );

    // Assess
    expect(requestIdIn(messageOf(member))).toMatch(/^REQ-/);
    expect(messageOf(outsider)).toBe(EXTERNAL_REFUSAL);
  });

  it('accepts every workspace listed in slack.teamIds besides slack.teamId', async () => {
    // Prepare
    const config = parseConfig({ ...localConfig, slack: { ...localConfig.slack, teamIds: ['T0SECONDWS'] } });
    const hook = createCodeHook(createSandboxCodeHookDeps({ config }));
    const second = { 'chatops:slackTeamId': 'T0SECONDWS', 'chatops:slackUserTeamId': 'T0SECONDWS' };

    // Act
    const response = await hook(withFacts(lexEvent('fulfillment-pipeline-status'), second));

    // Assess
    expect(response.sessionState.intent?.state).toBe('Fulfilled');
  });
});
