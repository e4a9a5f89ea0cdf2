import { approvalListener, approvalTurn } from '../../../../../bot/listeners/actions/approval.listener';
import type { ListenerContext } from '../../../../../bot/listeners/listener-context';
import { decodeRejectContext, REJECT_REASON_CALLBACK } from '../../../../../bot/render/reject-modal';
import type { Turn } from '../../../../../bot/turns/turn';
import { silentLogger } from '../../../../../handlers/logger';
import { catalog } from '../../../../../intents/catalog';
import fixture from '../../../../fixtures/slack/interactivity-block-actions-approval.json';

const now = new Date('2024-01-01T00:00:00Z');

function click(actionId: string, value = 'REQ-5G8H3N7Q') {
  const body = structuredClone(fixture);
  const action = { ...(body.actions[0] as (typeof body.actions)[number]), action_id: actionId, value };
  body.actions = [action];
  const opened: unknown[] = [];
  const acks: unknown[] = [];
  const args = {
    body,
    action,
    context: {},
    ack: async () => {
      acks.push(true);
    },
    client: {
      views: {
        open: async (call: unknown) => {
          opened.push(call);
          return { ok: true };
        },
      },
    },
  } as unknown as Parameters<ReturnType<typeof approvalListener>>[0];
  return { args, opened, acks };
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

describe('approvalTurn', () => {
  it('reads the decision from the action id, the request id from the value, and the clicker', () => {
    // Prepare
    const { args } = click('approval_approve', 'req-5g8h3n7q');

    // Act
    const turn = approvalTurn(args, now);

    // Assess
    expect(turn).toMatchObject({
      kind: 'approval',
      decision: 'approve',
      requestId: 'REQ-5G8H3N7Q',
      userId: 'UBOB00001',
      teamId: 'T0SANDBOX',
      channelId: 'C0APPROVALS',
      clicked: { channelId: 'C0APPROVALS', messageTs: '1700000101.000100', isEphemeral: false },
    });
    expect(turn?.clicked.keptBlocks).toEqual([fixture.message.blocks[0]]);
  });

  it('ignores a value that is not a request id', () => {
    // Prepare
    const { args } = click('approval_approve', 'drop table');

    // Act
    const turn = approvalTurn(args, now);

    // Assess
    expect(turn).toBeUndefined();
  });
});

describe('approvalListener', () => {
  it('acks and dispatches an Approve click as an approval turn', async () => {
    // Prepare
    const { args, opened, acks } = click('approval_approve');
    const { ctx, dispatched } = context();

    // Act
    await approvalListener(ctx)(args);

    // Assess
    expect(acks).toHaveLength(1);
    expect(dispatched).toEqual([expect.objectContaining({ kind: 'approval', decision: 'approve' })]);
    expect(opened).toEqual([]);
  });

  it('opens the reject modal with the click trigger id and decides nothing yet', async () => {
    // Prepare
    const { args, opened, acks } = click('approval_reject');
    const { ctx, dispatched } = context();

    // Act
    await approvalListener(ctx)(args);

    // Assess
    expect(acks).toHaveLength(1);
    expect(dispatched).toEqual([]);
    expect(opened).toHaveLength(1);
    const call = opened[0] as { trigger_id: string; view: { callback_id: string; private_metadata: string } };
    expect(call.trigger_id).toBe(fixture.trigger_id);
    expect(call.view.callback_id).toBe(REJECT_REASON_CALLBACK);
    expect(decodeRejectContext(call.view.private_metadata)).toEqual({
      requestId: 'REQ-5G8H3N7Q',
      clicked: {
        channelId: 'C0APPROVALS',
        messageTs: '1700000101.000100',
        isEphemeral: false,
        text: fixture.message.text,
        keptBlocks: [fixture.message.blocks[0]],
      },
    });
  });
});
