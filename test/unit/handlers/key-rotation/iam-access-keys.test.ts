import {
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  GetUserCommand,
  IAMClient,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { IamAccessKeys } from '../../../../handlers/key-rotation/iam-access-keys';
import { awsFixture } from './support';

const CTX = { requestId: 'REQ-5G8H3N7Q' };

function setup(path = '/') {
  const client = new IAMClient({ region: 'us-east-1' });
  return { iam: mockClient(client), keys: new IamAccessKeys(client, path) };
}

const awsError = (name: string) => Object.assign(new Error(name), { name });

describe('IamAccessKeys', () => {
  it('reads GetAccessKeyLastUsed, dropping the N/A of a key never used', async () => {
    // Prepare
    const { iam, keys } = setup();
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIAUSED' }).resolves(awsFixture('lastUsedRecently'));
    iam.on(GetAccessKeyLastUsedCommand, { AccessKeyId: 'AKIANEVER' }).resolves(awsFixture('neverUsed'));
    // Act
    const used = await keys.lastUsed('AKIAUSED', CTX);
    const never = await keys.lastUsed('AKIANEVER', CTX);
    // Assess
    expect(used).toEqual({ at: '2026-12-08T11:00:00.000Z', serviceName: 's3', region: 'eu-west-1' });
    expect(never).toEqual({});
  });

  it('answers undefined for a user IAM does not know (NoSuchEntity)', async () => {
    // Prepare
    const { iam, keys } = setup();
    iam.on(GetUserCommand).rejects(awsError('NoSuchEntityException'));
    // Act
    const user = await keys.getUser('mallory', CTX);
    // Assess
    expect(user).toBeUndefined();
  });

  it('lists users under the configured path, page by page', async () => {
    // Prepare
    const { iam, keys } = setup('/people/');
    iam
      .on(ListUsersCommand)
      .resolvesOnce({
        Users: [{ UserName: 'alice', Path: '/people/', UserId: 'A', Arn: 'a', CreateDate: new Date() }],
        IsTruncated: true,
        Marker: 'm1',
      })
      .resolvesOnce({
        Users: [{ UserName: 'bob', Path: '/people/', UserId: 'B', Arn: 'b', CreateDate: new Date() }],
        IsTruncated: false,
      });
    // Act
    const users = await keys.listUsers(CTX);
    // Assess
    expect(users).toEqual(['alice', 'bob']);
    expect(iam.commandCalls(ListUsersCommand).map((c) => c.args[0].input)).toEqual([
      { PathPrefix: '/people/' },
      { PathPrefix: '/people/', Marker: 'm1' },
    ]);
  });

  it('tells a deleted key from one IAM does not see (NoSuchEntity)', async () => {
    // Prepare
    const { iam, keys } = setup();
    iam.on(DeleteAccessKeyCommand).rejectsOnce(awsError('NoSuchEntityException')).resolves({});
    // Act
    const first = await keys.deleteKey('alice', 'AKIAX', CTX);
    const second = await keys.deleteKey('alice', 'AKIAX', CTX);
    // Assess
    expect([first, second]).toEqual(['not-found', 'deleted']);
  });
});
