/** Session behaviour over HTTP: isolation, session attributes, idle expiry, Get/Put/DeleteSession. */
import { gunzipSync } from 'node:zlib';
import { DeleteSessionCommand, GetSessionCommand, PutSessionCommand } from '@aws-sdk/client-lex-runtime-v2';
import { signedIdentity } from '../../../kit/identity';
import { type LocalLexHarness, startLocalLexHarness } from '../../support/local-lex';

const alice = signedIdentity('alice');
const bob = signedIdentity('bob');
const unpack = (header: string | undefined) =>
  JSON.parse(gunzipSync(Buffer.from(header ?? '', 'base64')).toString());

describe('sessions', () => {
  let now = Date.UTC(2026, 0, 1);
  let harness: LocalLexHarness;
  beforeAll(async () => {
    harness = await startLocalLexHarness({ now: () => now, idleSessionTtlSeconds: 300 });
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('keeps two interleaved sessions apart', async () => {
    // Prepare
    await harness.say('alice-1', 'I need a new AWS account', alice);
    await harness.say('bob-1', 'how is my pipeline doing', bob);

    // Act
    const aliceTurn = await harness.say('alice-1', 'data-lab', alice);
    const bobTurn = await harness.say('bob-1', 'web-app', bob);
    const aliceNext = await harness.say('alice-1', 'dana@example.com', alice);

    // Assess
    expect(aliceTurn.sessionState?.intent?.name).toBe('VendAccount');
    expect(aliceTurn.sessionState?.intent?.slots?.AccountName?.value?.interpretedValue).toBe('data-lab');
    expect(bobTurn.sessionState?.intent).toMatchObject({ name: 'PipelineStatus', state: 'Fulfilled' });
    expect(bobTurn.sessionState?.intent?.slots?.AccountName).toBeUndefined();
    expect(bobTurn.sessionState?.sessionAttributes).not.toHaveProperty('chatops:accepted:AccountName');
    expect(aliceNext.sessionState?.dialogAction?.slotToElicit).toBe('OrganizationalUnit');
    expect(aliceNext.sessionState?.intent?.slots?.PipelineName).toBeUndefined();
  });

  it('forgets a session idle for longer than the TTL', async () => {
    // Prepare
    await harness.say('expiring', 'I need a new AWS account', alice);
    now += 301_000;

    // Act
    const getError: unknown = await harness.client
      .send(new GetSessionCommand({ ...harness.ids, sessionId: 'expiring' }))
      .catch((error: unknown) => error);
    const fresh = await harness.say('expiring', 'data-lab', alice);

    // Assess
    expect(getError).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(fresh.sessionState?.intent?.name).not.toBe('VendAccount');
  });

  it('keeps a session used within the TTL', async () => {
    // Prepare
    await harness.say('kept', 'I need a new AWS account', alice);
    now += 299_000;

    // Act
    const turn = await harness.say('kept', 'data-lab', alice);

    // Assess
    expect(turn.sessionState?.intent?.slots?.AccountName?.value?.interpretedValue).toBe('data-lab');
  });

  it('puts, reads and deletes a session, with PutSession fields gzip+base64 in headers', async () => {
    // Prepare
    const put = new PutSessionCommand({
      ...harness.ids,
      sessionId: 'put-get-delete',
      sessionState: {
        sessionAttributes: { source: 'test' },
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'PipelineName' },
        intent: { name: 'PipelineStatus', state: 'InProgress' },
      },
      messages: [{ contentType: 'PlainText', content: 'Which pipeline?' }],
      requestAttributes: alice,
    });

    // Act
    const putOut = await harness.client.send(put);
    const got = await harness.client.send(
      new GetSessionCommand({ ...harness.ids, sessionId: 'put-get-delete' }),
    );
    const deleted = await harness.client.send(
      new DeleteSessionCommand({ ...harness.ids, sessionId: 'put-get-delete' }),
    );
    const afterDelete: unknown = await harness.client
      .send(new GetSessionCommand({ ...harness.ids, sessionId: 'put-get-delete' }))
      .catch((error: unknown) => error);

    // Assess
    expect(putOut.sessionId).toBe('put-get-delete');
    expect(unpack(putOut.sessionState)).toMatchObject({
      sessionAttributes: { source: 'test' },
      intent: { name: 'PipelineStatus' },
    });
    expect(unpack(putOut.messages)).toEqual([{ contentType: 'PlainText', content: 'Which pipeline?' }]);
    expect(unpack(putOut.requestAttributes)).toEqual(alice);
    expect(got.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PipelineName' });
    expect(deleted).toMatchObject({ botId: 'CHATOPSBOT', sessionId: 'put-get-delete' });
    expect(afterDelete).toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
