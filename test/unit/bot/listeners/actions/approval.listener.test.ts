import { approvalTurn } from '../../../../../bot/listeners/actions/approval.listener';
import fixture from '../../../../fixtures/slack/interactivity-block-actions.json';

const now = new Date('2024-01-01T00:00:00Z');

function click(actionId: string, value: string) {
  const action = { ...fixture.actions[0], action_id: actionId, value };
  return {
    body: { ...structuredClone(fixture), actions: [action] },
    action,
    context: {},
  } as unknown as Parameters<typeof approvalTurn>[0];
}

describe('approvalTurn', () => {
  it('reads the decision from the action id and the request id from the value', () => {
    // Prepare
    const args = click('approval_reject', 'req-5g8h3n7q');

    // Act
    const turn = approvalTurn(args, now);

    // Assess
    expect(turn).toMatchObject({
      kind: 'approval',
      decision: 'reject',
      requestId: 'REQ-5G8H3N7Q',
      userId: 'UALICE0001',
    });
  });

  it('ignores a value that is not a request id', () => {
    // Prepare
    const args = click('approval_approve', 'drop table');

    // Act
    const turn = approvalTurn(args, now);

    // Assess
    expect(turn).toBeUndefined();
  });
});
