/**
 * One organisation, real members on the Slack side (issue 9): guests and users of another
 * organisation (Slack Connect) are refused before Lex or the approval handler is reached, with the
 * code hook's own message; a guest may use read-only intents only when config says `readOnly`.
 */
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { mockClient } from 'aws-sdk-client-mock';
import type { ApprovalTurn } from '../../../../bot/turns/turn';
import type {
  ApprovalActionHandler,
  ApprovalDecisionInput,
} from '../../../../handlers/approvals/approval-decisions.port';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import {
  EXTERNAL_REFUSAL,
  GUEST_REFUSAL,
  GUEST_REFUSED_ENTIRELY,
  UNVERIFIED_REFUSAL,
} from '../../../../handlers/identity/membership';
import { REQUEST_ATTRIBUTE_KEYS } from '../../../../handlers/lex/request-attributes';
import { lexFixtures } from '../support/lex-fixtures';
import { homeTurn, utteranceTurn, wiredRunner } from '../support/turns';

const lex = mockClient(LexRuntimeV2Client);
beforeEach(() => lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent));
afterEach(() => lex.reset());

const approvalBy = (userId: string): ApprovalTurn => ({
  kind: 'approval',
  id: `act:C0APPROVALS:1700000009.000001:${userId}`,
  teamId: 'T0SANDBOX',
  userId,
  channelId: 'C0APPROVALS',
  receivedAt: '2024-01-01T00:00:00.000Z',
  responseUrl: 'https://hooks.slack.com/actions/T0SANDBOX/1/abc',
  decision: 'approve',
  requestId: 'REQ-5G8H3N7Q',
  clicked: {
    channelId: 'C0APPROVALS',
    messageTs: '1700000009.000001',
    isEphemeral: false,
    outcome: `<@${userId}> approved REQ-5G8H3N7Q`,
    keptBlocks: [],
    text: 'REQ-5G8H3N7Q needs approval',
  },
});

function recordingApprovals() {
  const seen: ApprovalDecisionInput[] = [];
  const approvals: ApprovalActionHandler = {
    async decide(input) {
      seen.push(input);
      return { settled: true, outcome: 'Approved' };
    },
  };
  return { seen, approvals };
}

describe('DefaultTurnRunner membership', () => {
  it.each([
    ['a guest', 'UGUEST0001', GUEST_REFUSAL],
    ['a Slack Connect user of another organisation', 'UOTHER0001', EXTERNAL_REFUSAL],
  ])('refuses an approval click by %s before the approval handler', async (_label, userId, message) => {
    // Prepare
    const { seen, approvals } = recordingApprovals();
    const { slack, runner } = wiredRunner({ approvals });

    // Act
    await runner.run(approvalBy(userId));

    // Assess
    expect(seen).toEqual([]);
    expect(slack.of('respond').map((c) => c.text)).toEqual([message]);
    expect(slack.of('updateMessage')).toEqual([]);
  });

  it('refuses an approval click when users.info fails (fails closed)', async () => {
    // Prepare
    const { seen, approvals } = recordingApprovals();
    const { slack, runner } = wiredRunner({ approvals });
    slack.failing.add('userProfile');

    // Act
    await runner.run(approvalBy('UBOB00001'));

    // Assess
    expect(seen).toEqual([]);
    expect(slack.of('respond').map((c) => c.text)).toEqual([UNVERIFIED_REFUSAL]);
  });

  it('lets a full member of the team approve', async () => {
    // Prepare
    const { seen, approvals } = recordingApprovals();
    const { runner } = wiredRunner({ approvals });

    // Act
    await runner.run(approvalBy('UBOB00001'));

    // Assess
    expect(seen.map((s) => s.approver)).toEqual([{ teamId: 'T0SANDBOX', slackUserId: 'UBOB00001' }]);
  });

  it.each([
    ['a guest (guests refused by default)', 'UGUEST0001', GUEST_REFUSED_ENTIRELY],
    ['a user of another organisation', 'UOTHER0001', EXTERNAL_REFUSAL],
  ])('answers %s without calling Lex', async (_label, userId, message) => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run(utteranceTurn({ userId, channelId: 'C0SHARED01' }));

    // Assess
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(0);
    expect(slack.of('postEphemeral').map((c) => c.text)).toEqual([message]);
  });

  it('refuses an event from another workspace even for a member-looking user', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run(utteranceTurn({ teamId: 'T0OTHERORG' }));

    // Assess
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(0);
    expect(slack.of('postEphemeral').map((c) => c.text)).toEqual([EXTERNAL_REFUSAL]);
  });

  it('does not publish App Home for a user of another organisation', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run({ ...homeTurn('UOTHER0001') });

    // Assess
    expect(slack.of('publishHome')).toEqual([]);
  });

  it('lets a guest through to Lex when config allows guests read-only intents, signed as a guest', async () => {
    // Prepare
    const config = parseConfig({ ...localConfig, slack: { ...localConfig.slack, guests: 'readOnly' } });
    const { slack, runner } = wiredRunner({ config });

    // Act
    await runner.run(utteranceTurn({ userId: 'UGUEST0001', text: 'status of web-app' }));

    // Assess
    const attrs = lex.commandCalls(RecognizeTextCommand)[0]?.args[0].input.requestAttributes ?? {};
    expect(attrs[REQUEST_ATTRIBUTE_KEYS.guest]).toBe('true');
    expect(attrs[REQUEST_ATTRIBUTE_KEYS.userTeamId]).toBe('T0SANDBOX');
    expect(slack.of('postEphemeral')).toEqual([]);
  });
});
