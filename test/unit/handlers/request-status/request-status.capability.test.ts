import { startConversation } from '../../../kit';

describe('RequestStatus (through the test kit)', () => {
  it('shows the requester the status and history of a request they filed', async () => {
    // Prepare: Alice files a pipeline look-up, which the ledger records
    const chat = await startConversation();
    await chat.say('status of pipeline web-app');
    const [filed] = await chat.requests();

    // Act
    const reply = await chat.say(`status of ${filed?.id}`);

    // Assess
    expect(reply).toMatchObject({ intent: 'RequestStatus', dialogAction: 'Close' });
    expect(reply.text).toContain(filed?.id ?? 'no request');
    expect(reply.text).toContain('SUCCEEDED');
  });

  it("tells another user the same words as for a missing request (no one sees someone else's request)", async () => {
    // Prepare
    const chat = await startConversation();
    await chat.say('status of pipeline web-app');
    const [filed] = await chat.requests();

    // Act
    const asDave = await chat.say(`status of ${filed?.id}`, 'dave');
    const missing = await chat.say('status of REQ-5G8H3N7Q', 'dave');

    // Assess
    expect(asDave.text).not.toContain('SUCCEEDED');
    expect(asDave.text.replace(filed?.id ?? '', 'ID')).toBe(missing.text.replace('REQ-5G8H3N7Q', 'ID'));
  });
});
