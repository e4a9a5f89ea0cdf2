import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { mockClient } from 'aws-sdk-client-mock';
import type { ApprovalTurn } from '../../../../bot/turns/turn';
import type {
  ApprovalActionHandler,
  ApprovalDecisionInput,
} from '../../../../handlers/approvals/approval-decisions.port';
import { lexFixtures } from '../support/lex-fixtures';
import { homeTurn, utteranceTurn, wiredRunner } from '../support/turns';

const lex = mockClient(LexRuntimeV2Client);
beforeEach(() => lex.on(RecognizeTextCommand).resolves(lexFixtures.confirmIntent));
afterEach(() => lex.reset());

const approvalTurn = (): ApprovalTurn => ({
  kind: 'approval',
  id: 'act:C0APPROVALS:1700000009.000001:UBOB00001',
  teamId: 'T0SANDBOX',
  userId: 'UBOB00001',
  channelId: 'C0APPROVALS',
  receivedAt: '2024-01-01T00:00:00.000Z',
  responseUrl: 'https://hooks.slack.com/actions/T0SANDBOX/1/abc',
  decision: 'approve',
  requestId: 'REQ-5G8H3N7Q',
  clicked: {
    channelId: 'C0APPROVALS',
    messageTs: '1700000009.000001',
    isEphemeral: false,
    outcome: '<@UBOB00001> approved REQ-5G8H3N7Q',
    keptBlocks: [],
    text: 'REQ-5G8H3N7Q needs approval',
  },
});

describe('DefaultTurnRunner rate limit', () => {
  it('defers a turn over the per-user limit, says so once, and runs it later', async () => {
    // Prepare
    let now = 0;
    const { slack, runner } = wiredRunner({ turnsPerMinute: 1, now: () => now });
    await runner.run(utteranceTurn({ id: 'evt:1' }));

    // Act
    const first = await runner.run(utteranceTurn({ id: 'evt:2' }));
    const again = await runner.run(utteranceTurn({ id: 'evt:2' }));
    now = 61_000;
    const later = await runner.run(utteranceTurn({ id: 'evt:2' }));

    // Assess
    expect(first).toEqual({ status: 'deferred', retryAfterMs: 60_000 });
    expect(again.status).toBe('deferred');
    expect(later).toEqual({ status: 'done' });
    const notes = slack.of('postEphemeral').map((c) => String(c.text));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/kept this one and will answer it in about 60 s/);
    expect(lex.commandCalls(RecognizeTextCommand)).toHaveLength(2);
  });

  it('never limits App Home refreshes', async () => {
    // Prepare
    const { slack, runner } = wiredRunner({ turnsPerMinute: 1, now: () => 0 });
    await runner.run(utteranceTurn());

    // Act
    const result = await runner.run(homeTurn());

    // Assess
    expect(result.status).toBe('done');
    expect(slack.of('publishHome')).toHaveLength(1);
  });
});

describe('DefaultTurnRunner approvals', () => {
  it('answers ephemerally and changes nothing while approvals are not available', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run(approvalTurn());

    // Assess
    expect(String(slack.of('respond')[0]?.text)).toMatch(/not available yet, so nothing was changed/);
    expect(slack.of('updateMessage')).toHaveLength(0);
  });

  it('hands the typed decision to the handler and closes the buttons when it is settled', async () => {
    // Prepare
    const seen: ApprovalDecisionInput[] = [];
    const approvals: ApprovalActionHandler = {
      async decide(input) {
        seen.push(input);
        return { settled: true, outcome: 'Approved by <@UBOB00001>' };
      },
    };
    const { slack, runner } = wiredRunner({ approvals });

    // Act
    await runner.run(approvalTurn());

    // Assess
    expect(seen).toEqual([
      {
        requestId: 'REQ-5G8H3N7Q',
        decision: 'approve',
        approver: { teamId: 'T0SANDBOX', slackUserId: 'UBOB00001' },
        channelId: 'C0APPROVALS',
        messageTs: '1700000009.000001',
      },
    ]);
    expect(JSON.stringify(slack.of('updateMessage')[0]?.blocks)).toContain('Approved by <@UBOB00001>');
  });
});
