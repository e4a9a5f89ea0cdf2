import { GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { tagged } from '../../../../handlers/key-rotation/request-user-agent';

describe('tagged', () => {
  it('puts the request id in the user agent of the HTTP request the SDK sends', async () => {
    // Prepare: a real client whose HTTP handler records the request instead of sending it.
    const seen: Record<string, string>[] = [];
    const client = new IAMClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      requestHandler: {
        handle: async (request: { headers: Record<string, string> }) => {
          seen.push(request.headers);
          throw Object.assign(new Error('recorded'), { name: 'Recorded' });
        },
      },
    });
    // Act
    await client
      .send(tagged(new GetUserCommand({ UserName: 'alice' }), { requestId: 'REQ-5G8H3N7Q' }))
      .catch(() => {});
    // Assess
    expect(seen[0]?.['user-agent']).toContain('chatops-request/REQ-5G8H3N7Q');
    client.destroy();
  });
});
