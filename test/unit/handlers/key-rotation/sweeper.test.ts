import {
  DeleteAccessKeyCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { IamAccessKeys } from '../../../../handlers/key-rotation/iam-access-keys';
import { MemoryKeySchedule } from '../../../../handlers/key-rotation/memory-key-schedule';
import { sweepKeys } from '../../../../handlers/key-rotation/sweeper';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';
import { awsFixture, commandNames } from './support';

const OLD_KEY = 'AKIAOLDKEYALICE0ABCD';

async function setup(now: string, lastUsed = 'lastUsedLongAgo') {
  const client = new IAMClient({ region: 'us-east-1' });
  const iam = mockClient(client);
  iam.on(GetAccessKeyLastUsedCommand).resolves(awsFixture(lastUsed));
  iam.on(UpdateAccessKeyCommand).resolves({});
  iam.on(DeleteAccessKeyCommand).resolves({});
  const keySchedule = new MemoryKeySchedule();
  await keySchedule.schedule(
    {
      id: 'REQ-5G8H3N7Q',
      userName: 'alice',
      accessKeyId: OLD_KEY,
      ownerSlackUserId: 'UALICE0001',
      secretName: 'chatops/access-keys/alice',
      deactivateAt: '2026-12-08T12:00:00.000Z',
      deleteAt: '2026-12-15T12:00:00.000Z',
    },
    'system',
    '2026-12-01T12:00:00.000Z',
  );
  const clock = { now: new Date(now) };
  const notifier = new RecordingChatNotifier();
  const deps = {
    accessKeys: new IamAccessKeys(client),
    keySchedule,
    notifier,
    clock: () => clock.now,
    logger: silentLogger,
  };
  return { iam, keySchedule, notifier, deps, clock };
}

describe('sweepKeys', () => {
  it('does nothing before the deactivation date', async () => {
    // Prepare
    const { iam, deps } = await setup('2026-12-08T11:59:00.000Z');
    // Act
    const report = await sweepKeys({}, deps);
    // Assess
    expect(report.steps).toEqual([]);
    expect(iam.calls()).toHaveLength(0);
  });

  it('deactivates a due key not used recently, with an audit event, and is idempotent', async () => {
    // Prepare
    const { iam, deps, keySchedule } = await setup('2026-12-08T12:30:00.000Z');
    // Act
    const first = await sweepKeys({}, deps);
    const second = await sweepKeys({}, deps);
    // Assess
    expect(first.steps.map((s) => s.action)).toEqual(['DEACTIVATE']);
    expect(second.steps).toEqual([]);
    expect(commandNames(iam.calls())).toEqual(['GetAccessKeyLastUsedCommand', 'UpdateAccessKeyCommand']);
    expect(iam.commandCalls(UpdateAccessKeyCommand)[0]?.args[0].input).toEqual({
      UserName: 'alice',
      AccessKeyId: OLD_KEY,
      Status: 'Inactive',
    });
    expect((await keySchedule.get('REQ-5G8H3N7Q'))?.state).toBe('DEACTIVATED');
    expect((await keySchedule.history('REQ-5G8H3N7Q')).map((e) => [e.action, e.actor, e.toState])).toEqual([
      ['SCHEDULED', 'system', 'SCHEDULED'],
      ['DEACTIVATED', 'key-sweeper', 'DEACTIVATED'],
    ]);
  });

  it('deletes a deactivated key once its deletion date has come, once', async () => {
    // Prepare
    const { iam, deps, keySchedule, clock } = await setup('2026-12-08T12:30:00.000Z');
    await sweepKeys({}, deps);
    clock.now = new Date('2026-12-15T13:00:00.000Z');
    // Act
    const first = await sweepKeys({}, deps);
    const second = await sweepKeys({}, deps);
    // Assess
    expect(first.steps.map((s) => s.action)).toEqual(['DELETE']);
    expect(second.steps).toEqual([]);
    expect(iam.commandCalls(DeleteAccessKeyCommand).map((c) => c.args[0].input)).toEqual([
      { UserName: 'alice', AccessKeyId: OLD_KEY },
    ]);
    expect((await keySchedule.get('REQ-5G8H3N7Q'))?.state).toBe('DELETED');
    expect(await keySchedule.listOpen()).toEqual([]);
  });

  it('postpones a key used in the last 24 hours by a day and DMs the owner the service and region', async () => {
    // Prepare
    const { iam, deps, keySchedule, notifier } = await setup('2026-12-08T12:30:00.000Z', 'lastUsedRecently');
    // Act
    const first = await sweepKeys({}, deps);
    const second = await sweepKeys({}, deps);
    // Assess
    expect(first.steps.map((s) => s.action)).toEqual(['POSTPONE']);
    expect(second.steps).toEqual([]);
    expect(iam.commandCalls(UpdateAccessKeyCommand)).toHaveLength(0);
    expect(await keySchedule.get('REQ-5G8H3N7Q')).toMatchObject({
      state: 'SCHEDULED',
      postponements: 1,
      deactivateAt: '2026-12-09T12:30:00.000Z',
      deleteAt: '2026-12-16T12:00:00.000Z',
    });
    expect(notifier.notices).toHaveLength(1);
    const dm = notifier.notices[0];
    expect(dm?.kind).toBe('dm');
    expect(dm?.kind === 'dm' && dm.slackUserId).toBe('UALICE0001');
    expect(dm?.notice.fields).toEqual(
      expect.arrayContaining([
        { label: 'Service', value: 's3' },
        { label: 'Region', value: 'eu-west-1' },
      ]),
    );
  });

  it('postpones at most twice, then deactivates even a key still in use', async () => {
    // Prepare
    const { iam, deps, keySchedule, clock } = await setup('2026-12-08T12:30:00.000Z');
    iam.on(GetAccessKeyLastUsedCommand).callsFake(() => ({
      UserName: 'alice',
      AccessKeyLastUsed: {
        LastUsedDate: new Date(clock.now.getTime() - 3_600_000),
        ServiceName: 's3',
        Region: 'eu-west-1',
      },
    }));
    // Act
    const actions: string[] = [];
    for (const at of ['2026-12-08T12:30:00.000Z', '2026-12-09T12:31:00.000Z', '2026-12-10T12:32:00.000Z']) {
      clock.now = new Date(at);
      for (const step of (await sweepKeys({}, deps)).steps) actions.push(step.action);
    }
    // Assess
    expect(actions).toEqual(['POSTPONE', 'POSTPONE', 'DEACTIVATE']);
    expect((await keySchedule.get('REQ-5G8H3N7Q'))?.state).toBe('DEACTIVATED');
  });

  it('reports in dry-run mode what it would do and changes nothing', async () => {
    // Prepare
    const { iam, deps, keySchedule, notifier } = await setup('2026-12-08T12:30:00.000Z', 'lastUsedRecently');
    const before = await keySchedule.get('REQ-5G8H3N7Q');
    // Act
    const report = await sweepKeys({ dryRun: true }, deps);
    // Assess
    expect(report).toMatchObject({
      dryRun: true,
      steps: [{ action: 'POSTPONE', userName: 'alice', key: '…ABCD' }],
    });
    expect(commandNames(iam.calls())).toEqual(['GetAccessKeyLastUsedCommand']);
    expect(await keySchedule.get('REQ-5G8H3N7Q')).toEqual(before);
    expect(await keySchedule.history('REQ-5G8H3N7Q')).toHaveLength(1);
    expect(notifier.notices).toEqual([]);
  });
});
