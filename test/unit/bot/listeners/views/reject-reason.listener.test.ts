import type { ListenerContext } from '../../../../../bot/listeners/listener-context';
import {
  rejectReasonListener,
  rejectSubmission,
} from '../../../../../bot/listeners/views/reject-reason.listener';
import { encodeRejectContext, rejectModal } from '../../../../../bot/render/reject-modal';
import type { Turn } from '../../../../../bot/turns/turn';
import { silentLogger } from '../../../../../handlers/logger';
import { catalog } from '../../../../../intents/catalog';
import fixture from '../../../../fixtures/slack/interactivity-view-submission-reject.json';

const now = new Date('2024-01-01T00:00:00Z');

function submission(reason: string | null, metadata?: string) {
  const body = structuredClone(fixture);
  body.view.state.values.reason.reason_input.value = reason as string;
  if (metadata !== undefined) body.view.private_metadata = metadata;
  const acks: unknown[] = [];
  const args = {
    body,
    view: body.view,
    ack: async (response?: unknown) => {
      acks.push(response ?? null);
    },
  } as unknown as Parameters<ReturnType<typeof rejectReasonListener>>[0];
  return { args, acks };
}

function context() {
  const dispatched: Turn[] = [];
  const ctx: ListenerContext = {
    dispatcher: {
      dispatch: async (turn: Turn) => {
        dispatched.push(turn);
      },
    } as unknown as ListenerContext['dispatcher'],
    catalog,
    logger: silentLogger,
    now: () => now,
  };
  return { ctx, dispatched };
}

describe('rejectReasonListener', () => {
  it('closes the modal and dispatches a reject with the reason, by the submitting user', async () => {
    // Prepare
    const { args, acks } = submission('  Use the Workloads OU only for production. ');
    const { ctx, dispatched } = context();

    // Act
    await rejectReasonListener(ctx)(args);

    // Assess
    expect(acks).toEqual([null]);
    expect(dispatched).toEqual([
      {
        kind: 'approval',
        id: 'view:V0REJECT01',
        teamId: 'T0SANDBOX',
        userId: 'UBOB00001',
        channelId: 'C0APPROVALS',
        receivedAt: now.toISOString(),
        decision: 'reject',
        requestId: 'REQ-5G8H3N7Q',
        comment: 'Use the Workloads OU only for production.',
        clicked: {
          channelId: 'C0APPROVALS',
          messageTs: '1700000101.000100',
          isEphemeral: false,
          text: 'Approval needed: VendAccount REQ-5G8H3N7Q',
          keptBlocks: [],
          outcome: '<@UBOB00001> rejected REQ-5G8H3N7Q',
        },
      },
    ]);
  });

  it.each([
    ['longer than 500 characters', 'x'.repeat(501), 'at most 500 fit'],
    ['empty', '   ', 'Please say why'],
  ])('keeps the modal open with an error when the reason is %s', async (_name, reason, message) => {
    // Prepare
    const { args, acks } = submission(reason);
    const { ctx, dispatched } = context();

    // Act
    await rejectReasonListener(ctx)(args);

    // Assess
    expect(acks).toEqual([
      { response_action: 'errors', errors: { reason: expect.stringContaining(message) } },
    ]);
    expect(dispatched).toEqual([]);
  });

  it('ignores a submission whose metadata is not ours', async () => {
    // Prepare
    const { args, acks } = submission('fine', '{"r":"drop table"}');
    const { ctx, dispatched } = context();

    // Act
    await rejectReasonListener(ctx)(args);

    // Assess
    expect(acks).toEqual([null]);
    expect(dispatched).toEqual([]);
  });
});

describe('reject modal', () => {
  it('asks for at most 500 characters and fits Slack limits even for a huge message', () => {
    // Prepare
    const keptBlocks = Array.from({ length: 50 }, (_, i) => ({
      type: 'section',
      text: { type: 'mrkdwn', text: `line ${i} ${'y'.repeat(100)}` },
    }));
    const context = {
      requestId: 'REQ-5G8H3N7Q',
      clicked: {
        channelId: 'C0APPROVALS',
        messageTs: '1.2',
        isEphemeral: false,
        text: 'Approval needed',
        keptBlocks,
      },
    };

    // Act
    const view = rejectModal(context);
    const metadata = encodeRejectContext(context);

    // Assess
    expect(view.type).toBe('modal');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(JSON.stringify(view.blocks)).toContain('"max_length":500');
    expect(metadata.length).toBeLessThanOrEqual(3000);
    const decoded = rejectSubmission(
      { body: fixture as never, view: { ...fixture.view, private_metadata: metadata } as never },
      new Date(),
    );
    expect(decoded).toMatchObject({ kind: 'turn', turn: { clicked: { keptBlocks: [{ type: 'section' }] } } });
  });
});
