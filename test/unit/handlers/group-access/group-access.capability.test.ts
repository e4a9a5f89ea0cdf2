import {
  ConflictException,
  CreateGroupMembershipCommand,
  GetGroupIdCommand,
  GetGroupMembershipIdCommand,
  GetUserIdCommand,
  IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import { joinGroup, joinGroupCapability } from '../../../../handlers/group-access/group-access.capability';
import { IdentitystoreGroupAccess } from '../../../../handlers/group-access/identitystore-group-access';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';
import { createCodeHook } from '../../../../handlers/router';
import {
  codeHookEvent,
  expectDeclared,
  kitDeps,
  recordAws,
  startConversation,
  testConfig,
  textOf,
} from '../../../kit';
import { loadFixture } from '../../../support/fixtures';

const STORE = 'd-1234567890';
const NOW = new Date('2026-12-02T12:00:00.000Z');
const fx = loadFixture<Record<string, Record<string, string>>>('aws/identitystore-group-access.json');
const enabled = () =>
  testConfig({
    examples: {
      enabled: true,
      groupAccess: { identityStoreId: STORE, allowedGroups: ['Developers', 'ReadOnly'], maxHours: 8 },
    },
  });

/** An approved request as the executor is given it (frozen parameters, verified requester). */
function approved(parameters: Record<string, string>, email?: string): ChatOpsRequest {
  return {
    id: 'REQ-GROUP001',
    intent: 'JoinIdentityCenterGroup',
    parameters,
    requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', ...(email ? { email } : {}) },
    origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001' },
    status: 'IN_PROGRESS',
    version: 4,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    idempotencyKey: 'k1',
  };
}

/** A mocked Identity Store that knows the requester and the group, and the executor's deps on it. */
function identityStore() {
  const aws = recordAws();
  const store = aws.mock(IdentitystoreClient);
  store.on(GetUserIdCommand).resolves(fx.getUserId ?? {});
  store.on(GetGroupIdCommand).resolves(fx.getGroupId ?? {});
  const deps = {
    groupAccess: new IdentitystoreGroupAccess(new IdentitystoreClient({ region: 'us-east-1' }), STORE),
    clock: () => NOW,
  };
  return { aws, store, deps };
}

describe('JoinIdentityCenterGroup (the worked example, write)', () => {
  it('asks for the hours, confirms, and files the request for approval with its plan', async () => {
    // Prepare
    const chat = await startConversation({ config: enabled() });

    // Act
    const hours = await chat.say('add me to the Developers group');
    const confirm = await chat.say('4');
    const filed = await chat.say('yes');

    // Assess
    expect(hours).toMatchObject({ dialogAction: 'ElicitSlot', slotToElicit: 'Hours' });
    expect(confirm.text).toContain('Add you to the Identity Center group Developers for 4 hours?');
    expect(filed.text).toMatch(/REQ-[0-9A-Z]{8}/);
    const [request] = await chat.requests();
    expect(request).toMatchObject({
      intent: 'JoinIdentityCenterGroup',
      status: 'PENDING_APPROVAL',
      parameters: { GroupName: 'Developers', Hours: '4' },
    });
    expect(request?.approval?.plan).toEqual([
      `Identity Store ${STORE}: GetUserId of the requester by the verified email of their Slack profile; GetGroupId of Developers.`,
      'Identity Store CreateGroupMembership: the requester joins Developers (already a member: kept as it is, and never removed by ChatOps).',
      'After 4 hours, the scheduled sweep calls DeleteGroupMembership and tells the requester.',
    ]);
  });

  it('refuses a group config does not allow, offering the allowed ones', async () => {
    // Prepare
    const hook = createCodeHook(kitDeps({ config: enabled() }));
    const event = codeHookEvent('JoinIdentityCenterGroup', {
      source: 'DialogCodeHook',
      slots: { GroupName: 'Admins' },
    });

    // Act
    const response = await hook(event);

    // Assess
    expect(response.sessionState.dialogAction).toMatchObject({
      type: 'ElicitSlot',
      slotToElicit: 'GroupName',
    });
    expect(textOf(response)).toContain(
      'Admins is not a group you may join from chat. Pick one of: Developers, ReadOnly.',
    );
  });

  it('refuses more hours than config allows', async () => {
    // Prepare
    const hook = createCodeHook(kitDeps({ config: enabled() }));
    const event = codeHookEvent('JoinIdentityCenterGroup', {
      source: 'DialogCodeHook',
      slots: { GroupName: 'Developers', Hours: '12' },
    });

    // Act
    const response = await hook(event);

    // Assess
    expect(response.sessionState.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'Hours' });
    expect(textOf(response)).toContain('Please give a whole number of hours from 1 to 8.');
  });

  it('executes: finds the requester by verified email, creates the membership, returns membershipId and expiresAt', async () => {
    // Prepare
    const { aws, store, deps } = identityStore();
    store.on(CreateGroupMembershipCommand).resolves(fx.createGroupMembership ?? {});

    // Act
    const result = await joinGroup(
      { request: approved({ GroupName: 'Developers', Hours: '4' }, 'alice@example.com') },
      deps,
    );

    // Assess
    expect(result.externalIds).toEqual({
      membershipId: fx.createGroupMembership?.MembershipId,
      expiresAt: '2026-12-02T16:00:00.000Z',
      groupId: fx.getGroupId?.GroupId,
    });
    expect(result.message).toContain(
      'You are in the Identity Center group Developers until 2026-12-02 16:00 UTC.',
    );
    expect(store.commandCalls(GetUserIdCommand)[0]?.args[0].input).toMatchObject({
      AlternateIdentifier: {
        UniqueAttribute: { AttributePath: 'emails.value', AttributeValue: 'alice@example.com' },
      },
    });
    expect(() => expectDeclared(aws, joinGroupCapability, enabled())).not.toThrow();
    aws.restore();
  });

  it('leaves a membership it did not create alone: no expiry recorded, so the sweep never removes it', async () => {
    // Prepare: the requester already is a member (given by hand, or by another tool)
    const { aws, store, deps } = identityStore();
    store
      .on(CreateGroupMembershipCommand)
      .rejects(new ConflictException({ message: 'Member already exists in the group', $metadata: {} }));
    store.on(GetGroupMembershipIdCommand).resolves(fx.getGroupMembershipId ?? {});

    // Act
    const result = await joinGroup(
      { request: approved({ GroupName: 'Developers', Hours: '4' }, 'alice@example.com') },
      deps,
    );

    // Assess
    expect(result.externalIds).toEqual({
      membershipId: fx.getGroupMembershipId?.MembershipId,
      groupId: fx.getGroupId?.GroupId,
      preExisting: 'true',
    });
    expect(result.message).toContain('I will not remove that membership');
    expect(() => expectDeclared(aws, joinGroupCapability, enabled())).not.toThrow();
    aws.restore();
  });

  it('refuses to execute for a requester whose Slack profile has no email, calling nothing', async () => {
    // Prepare
    const aws = recordAws();
    const store = aws.mock(IdentitystoreClient);
    const deps = {
      groupAccess: new IdentitystoreGroupAccess(new IdentitystoreClient({ region: 'us-east-1' }), STORE),
      clock: () => NOW,
    };

    // Act
    const attempt = joinGroup({ request: approved({ GroupName: 'Developers', Hours: '4' }) }, deps);

    // Assess
    await expect(attempt).rejects.toMatchObject({ code: 'GROUP_ACCESS_FAILED' });
    expect(store.calls()).toHaveLength(0);
    aws.restore();
  });
});
