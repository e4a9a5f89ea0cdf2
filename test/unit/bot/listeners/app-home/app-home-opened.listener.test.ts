import { appHomeTurn } from '../../../../../bot/listeners/app-home/app-home-opened.listener';
import fixture from '../../../../fixtures/slack/event-app-home-opened.json';

const now = new Date('2024-01-01T00:00:00Z');
const args = (event: Record<string, unknown>) =>
  ({ event, body: { ...fixture, event }, context: {} }) as unknown as Parameters<typeof appHomeTurn>[0];

describe('appHomeTurn', () => {
  it('publishes Home for the user who opened the Home tab', () => {
    // Prepare
    const event = fixture.event;

    // Act
    const turn = appHomeTurn(args(event), now);

    // Assess
    expect(turn).toEqual({
      kind: 'home',
      id: 'evt:Ev0SANDBOX0003',
      teamId: 'T0SANDBOX',
      userId: 'UCAROL0001',
      channelId: 'DCAROL0001',
      receivedAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it('does nothing when the Messages tab is opened', () => {
    // Prepare
    const event = { ...fixture.event, tab: 'messages' };

    // Act
    const turn = appHomeTurn(args(event), now);

    // Assess
    expect(turn).toBeUndefined();
  });
});
