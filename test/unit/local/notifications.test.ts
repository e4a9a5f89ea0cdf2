import { type EmailNotification, SinkEmailChannel } from '../../../local/notifications';

describe('SinkEmailChannel', () => {
  it('hands each approval email to the sink as one email notification', async () => {
    // Prepare
    const sent: EmailNotification[] = [];
    const channel = new SinkEmailChannel((n) => sent.push(n));

    // Act
    await channel.send({ type: 'email', to: 'bob@example.com', subject: 'Approval needed', body: 'text' });

    // Assess
    expect(sent).toEqual([
      { type: 'email', to: 'bob@example.com', subject: 'Approval needed', body: 'text' },
    ]);
  });
});
