import {
  ConflictException,
  CreateGroupMembershipCommand,
  DeleteGroupMembershipCommand,
  GetGroupIdCommand,
  GetGroupMembershipIdCommand,
  GetUserIdCommand,
  IdentitystoreClient,
  ListGroupsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-identitystore';
import { joinGroupCapability } from '../../../../handlers/group-access/group-access.capability';
import { IdentitystoreGroupAccess } from '../../../../handlers/group-access/identitystore-group-access';
import { expectDeclared, recordAws, testConfig } from '../../../kit';
import { loadFixture } from '../../../support/fixtures';

const STORE = 'd-1234567890';
const fx = loadFixture<Record<string, Record<string, unknown>>>('aws/identitystore-group-access.json');
const GROUP = String(fx.getGroupId?.GroupId);
const USER = String(fx.getUserId?.UserId);
const config = () =>
  testConfig({
    examples: {
      enabled: true,
      groupAccess: { identityStoreId: STORE, allowedGroups: ['Developers'], maxHours: 8 },
    },
  });
const adapter = () => new IdentitystoreGroupAccess(new IdentitystoreClient({ region: 'us-east-1' }), STORE);
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

describe('IdentitystoreGroupAccess', () => {
  it('resolves a group by display name and a user by email with the exact GetGroupId / GetUserId shapes', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    store.on(GetGroupIdCommand).resolves(fx.getGroupId ?? {});
    store.on(GetUserIdCommand).resolves(fx.getUserId ?? {});

    // Act
    const groupId = await adapter().groupId('Developers');
    const userId = await adapter().userId('alice@example.com');

    // Assess
    expect({ groupId, userId }).toEqual({ groupId: GROUP, userId: USER });
    expect(store.commandCalls(GetGroupIdCommand)[0]?.args[0].input).toEqual({
      IdentityStoreId: STORE,
      AlternateIdentifier: {
        UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'Developers' },
      },
    });
    expect(store.commandCalls(GetUserIdCommand)[0]?.args[0].input).toEqual({
      IdentityStoreId: STORE,
      AlternateIdentifier: {
        UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'alice@example.com' },
      },
    });
    expect(() => expectDeclared(aws, joinGroupCapability, config())).not.toThrow();
    aws.restore();
  });

  it('answers undefined for a group or user the store does not have (ResourceNotFoundException)', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    store.on(GetGroupIdCommand).rejects(notFound());
    store.on(GetUserIdCommand).rejects(notFound());

    // Act
    const groupId = await adapter().groupId('Nobody');
    const userId = await adapter().userId('nobody@example.com');

    // Assess
    expect({ groupId, userId }).toEqual({ groupId: undefined, userId: undefined });
    aws.restore();
  });

  it('reads every page of ListGroups', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    store
      .on(ListGroupsCommand)
      .resolvesOnce(fx.listGroupsPage1 ?? {})
      .resolvesOnce(fx.listGroupsPage2 ?? {});

    // Act
    const names = await adapter().listGroupNames();

    // Assess
    expect(names).toEqual(['Developers', 'ReadOnly', 'Billing']);
    expect(store.commandCalls(ListGroupsCommand)[1]?.args[0].input).toEqual({
      IdentityStoreId: STORE,
      NextToken: 'AAQAAExampleNextTokenForListGroups==',
    });
    expect(() => expectDeclared(aws, joinGroupCapability, config())).not.toThrow();
    aws.restore();
  });

  it('creates the membership with the exact CreateGroupMembership shape', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    store.on(CreateGroupMembershipCommand).resolves(fx.createGroupMembership ?? {});

    // Act
    const result = await adapter().addMember(GROUP, USER);

    // Assess
    expect(result).toEqual({ membershipId: fx.createGroupMembership?.MembershipId, created: true });
    expect(store.commandCalls(CreateGroupMembershipCommand)[0]?.args[0].input).toEqual({
      IdentityStoreId: STORE,
      GroupId: GROUP,
      MemberId: { UserId: USER },
    });
    expect(() => expectDeclared(aws, joinGroupCapability, config())).not.toThrow();
    aws.restore();
  });

  it('keeps an existing membership on ConflictException and returns its id (GetGroupMembershipId)', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    store
      .on(CreateGroupMembershipCommand)
      .rejects(new ConflictException({ message: 'Member already exists in the group', $metadata: {} }));
    store.on(GetGroupMembershipIdCommand).resolves(fx.getGroupMembershipId ?? {});

    // Act
    const result = await adapter().addMember(GROUP, USER);

    // Assess
    expect(result).toEqual({ membershipId: fx.getGroupMembershipId?.MembershipId, created: false });
    expect(store.commandCalls(GetGroupMembershipIdCommand)[0]?.args[0].input).toEqual({
      IdentityStoreId: STORE,
      GroupId: GROUP,
      MemberId: { UserId: USER },
    });
    expect(() => expectDeclared(aws, joinGroupCapability, config())).not.toThrow();
    aws.restore();
  });

  it('deletes a membership, and calls one already gone (ResourceNotFoundException) absent', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    store
      .on(DeleteGroupMembershipCommand, { IdentityStoreId: STORE, MembershipId: 'm-1' })
      .resolves({})
      .on(DeleteGroupMembershipCommand, { IdentityStoreId: STORE, MembershipId: 'm-2' })
      .rejects(notFound());

    // Act
    const first = await adapter().removeMembership('m-1');
    const second = await adapter().removeMembership('m-2');

    // Assess
    expect([first, second]).toEqual(['removed', 'absent']);
    expect(store.commandCalls(DeleteGroupMembershipCommand).map((c) => c.args[0].input)).toEqual([
      { IdentityStoreId: STORE, MembershipId: 'm-1' },
      { IdentityStoreId: STORE, MembershipId: 'm-2' },
    ]);
    expect(() => expectDeclared(aws, joinGroupCapability, config())).not.toThrow();
    aws.restore();
  });

  it('lets other errors through (AccessDeniedException is not "already a member")', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    const denied = Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
    store.on(CreateGroupMembershipCommand).rejects(denied);

    // Act
    const attempt = adapter().addMember(GROUP, USER);

    // Assess
    await expect(attempt).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(store.commandCalls(GetGroupMembershipIdCommand)).toHaveLength(0);
    aws.restore();
  });
});
