import { InvalidTurnError, parseTurn, serializeTurn, type Turn } from '../../../../bot/turns/turn';
import { sandboxClick } from '../support/turns';

const clicked = sandboxClick();

const utterance: Turn = {
  kind: 'utterance',
  source: 'block_actions',
  id: 'act:DALICE0001:1700000001.000001:UALICE0001',
  teamId: 'T0SANDBOX',
  userId: 'UALICE0001',
  channelId: 'DALICE0001',
  receivedAt: '2024-01-01T00:00:00.000Z',
  responseUrl: 'https://hooks.slack.com/actions/T0SANDBOX/1/abc',
  text: 'Sandbox',
  clicked,
};

describe('turn serialization', () => {
  it('round-trips a turn through JSON (what SQS carries)', () => {
    // Prepare
    const body = serializeTurn(utterance);

    // Act
    const parsed = parseTurn(body);

    // Assess
    expect(parsed).toEqual(utterance);
  });

  it('round-trips command, home and approval turns', () => {
    // Prepare
    const base = {
      id: 'x',
      teamId: 'T0SANDBOX',
      userId: 'UBOB00001',
      channelId: 'C0APPROVALS',
      receivedAt: 'now',
    };
    const turns: Turn[] = [
      { ...base, kind: 'command', command: 'status', argument: 'REQ-5G8H3N7Q' },
      { ...base, kind: 'home' },
      { ...base, kind: 'approval', decision: 'reject', requestId: 'REQ-5G8H3N7Q', clicked },
    ];

    // Act
    const parsed = turns.map((t) => parseTurn(serializeTurn(t)));

    // Assess
    expect(parsed).toEqual(turns);
  });

  it('rejects a body that is not JSON', () => {
    // Prepare / Act / Assess
    expect(() => parseTurn('{nope')).toThrow(InvalidTurnError);
  });

  it('rejects a turn with a forged user id, naming the field', () => {
    // Prepare
    const body = JSON.stringify({ ...utterance, userId: 'alice' });

    // Act
    const act = () => parseTurn(body);

    // Assess
    expect(act).toThrow(/userId/);
  });
});
