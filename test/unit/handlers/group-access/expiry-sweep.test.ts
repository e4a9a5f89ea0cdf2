import {
  DeleteGroupMembershipCommand,
  IdentitystoreClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-identitystore';
import { GROUP_EXPIRY_ACTOR, sweepGroupExpiries } from '../../../../handlers/group-access/expiry-sweep';
import { joinGroupCapability } from '../../../../handlers/group-access/group-access.capability';
import { IdentitystoreGroupAccess } from '../../../../handlers/group-access/identitystore-group-access';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';
import { expectDeclared, recordAws, testConfig } from '../../../kit';

const STORE = 'd-1234567890';
const NOW = new Date('2026-12-02T12:00:00.000Z');
const config = () =>
  testConfig({
    examples: {
      enabled: true,
      groupAccess: { identityStoreId: STORE, allowedGroups: ['Developers'], maxHours: 8 },
    },
  });

/** A JoinIdentityCenterGroup request that ran and holds `membershipId` until `expiresAt`. */
async function succeeded(ledger: MemoryLedger, key: string, externalIds: Record<string, string>) {
  const { request } = await ledger.create(
    {
      intent: 'JoinIdentityCenterGroup',
      parameters: { GroupName: 'Developers', Hours: '4' },
      requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', email: 'alice@example.com' },
      origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001' },
      idempotencyKey: key,
    },
    [
      { to: 'PENDING_APPROVAL', actor: 'system' },
      { to: 'APPROVED', actor: 'bob@example.com' },
      { to: 'IN_PROGRESS', actor: 'system' },
      { to: 'SUCCEEDED', actor: 'system', details: { externalIds } },
    ],
  );
  return request;
}

function setUp() {
  const aws = recordAws();
  const store = aws.mock(IdentitystoreClient);
  const ledger = new MemoryLedger();
  const notifier = new RecordingChatNotifier();
  const deps = {
    ledger,
    notifier,
    groupAccess: new IdentitystoreGroupAccess(new IdentitystoreClient({ region: 'us-east-1' }), STORE),
    clock: () => NOW,
    logger: silentLogger,
  };
  return { aws, store, ledger, notifier, deps };
}

describe('sweepGroupExpiries', () => {
  it('removes an expired membership, audits it on the request and DMs the requester', async () => {
    // Prepare
    const { aws, store, ledger, notifier, deps } = setUp();
    store.on(DeleteGroupMembershipCommand).resolves({});
    const request = await succeeded(ledger, 'k1', {
      membershipId: 'm-1',
      expiresAt: '2026-12-02T11:59:00.000Z',
    });

    // Act
    const steps = await sweepGroupExpiries(deps);

    // Assess
    expect(steps).toEqual([{ requestId: request.id, membershipId: 'm-1', outcome: 'removed' }]);
    expect(store.commandCalls(DeleteGroupMembershipCommand)[0]?.args[0].input).toEqual({
      IdentityStoreId: STORE,
      MembershipId: 'm-1',
    });
    expect((await ledger.get(request.id))?.externalIds).toMatchObject({ removedAt: NOW.toISOString() });
    const last = (await ledger.history(request.id)).at(-1);
    expect(last).toMatchObject({ action: 'NOTE', actor: GROUP_EXPIRY_ACTOR, toStatus: 'SUCCEEDED' });
    expect(last?.details).toMatchObject({ membershipId: 'm-1', outcome: 'removed' });
    expect(notifier.notices).toEqual([expect.objectContaining({ kind: 'dm', slackUserId: 'UALICE0001' })]);
    expect(JSON.stringify(notifier.notices[0])).toContain(
      'Your time in the Identity Center group Developers is up',
    );
    expect(() => expectDeclared(aws, joinGroupCapability, config())).not.toThrow();
    aws.restore();
  });

  it('keeps a membership whose time is not up yet', async () => {
    // Prepare
    const { aws, store, ledger, notifier, deps } = setUp();
    const request = await succeeded(ledger, 'k1', {
      membershipId: 'm-1',
      expiresAt: '2026-12-02T12:00:01.000Z',
    });

    // Act
    const steps = await sweepGroupExpiries(deps);

    // Assess
    expect(steps).toEqual([]);
    expect(store.commandCalls(DeleteGroupMembershipCommand)).toHaveLength(0);
    expect((await ledger.get(request.id))?.externalIds?.removedAt).toBeUndefined();
    expect(notifier.notices).toEqual([]);
    aws.restore();
  });

  it('records a membership removed by hand (ResourceNotFoundException) as absent, and a second sweep does nothing', async () => {
    // Prepare
    const { aws, store, ledger, notifier, deps } = setUp();
    store
      .on(DeleteGroupMembershipCommand)
      .rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));
    const request = await succeeded(ledger, 'k1', {
      membershipId: 'm-9',
      expiresAt: '2026-12-02T08:00:00.000Z',
    });

    // Act
    const first = await sweepGroupExpiries(deps);
    const second = await sweepGroupExpiries(deps);

    // Assess
    expect(first).toEqual([{ requestId: request.id, membershipId: 'm-9', outcome: 'absent' }]);
    expect(second).toEqual([]);
    expect(store.commandCalls(DeleteGroupMembershipCommand)).toHaveLength(1);
    expect((await ledger.history(request.id)).filter((e) => e.action === 'NOTE')).toHaveLength(1);
    expect(notifier.notices).toHaveLength(1);
    aws.restore();
  });

  it('leaves a failed removal unrecorded (retried next sweep) and goes on with the others', async () => {
    // Prepare
    const { aws, store, ledger, deps } = setUp();
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
    store
      .on(DeleteGroupMembershipCommand, { MembershipId: 'm-1' })
      .rejects(throttled)
      .on(DeleteGroupMembershipCommand, { MembershipId: 'm-2' })
      .resolves({});
    const failing = await succeeded(ledger, 'k1', {
      membershipId: 'm-1',
      expiresAt: '2026-12-02T10:00:00.000Z',
    });
    const fine = await succeeded(ledger, 'k2', {
      membershipId: 'm-2',
      expiresAt: '2026-12-02T10:00:00.000Z',
    });

    // Act
    const steps = await sweepGroupExpiries(deps);

    // Assess
    expect(steps).toHaveLength(2);
    expect(steps).toEqual(
      expect.arrayContaining([
        { requestId: failing.id, membershipId: 'm-1', outcome: 'removed', error: 'ThrottlingException' },
        { requestId: fine.id, membershipId: 'm-2', outcome: 'removed' },
      ]),
    );
    expect((await ledger.get(failing.id))?.externalIds?.removedAt).toBeUndefined();
    expect((await ledger.get(fine.id))?.externalIds?.removedAt).toBe(NOW.toISOString());
    aws.restore();
  });
});
