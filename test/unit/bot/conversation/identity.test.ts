import { IDENTITY_CACHE_MS, IdentityResolver } from '../../../../bot/conversation/identity';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingSlack } from '../support/recording-slack';

const input = { teamId: 'T0SANDBOX', userId: 'UALICE0001', channelId: 'DALICE0001', turnId: 'evt:1' };

describe('IdentityResolver', () => {
  it('builds the verified identity from the Slack ids and users.info', async () => {
    // Prepare
    const slack = new RecordingSlack();
    const resolver = new IdentityResolver(slack, parseConfig(localConfig), silentLogger);

    // Act
    const identity = await resolver.resolve({ ...input, threadTs: '1700000000.000100' });

    // Assess
    expect(identity).toEqual({
      requester: {
        teamId: 'T0SANDBOX',
        slackUserId: 'UALICE0001',
        name: 'Alice Example',
        email: 'alice@example.com',
      },
      origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001', threadTs: '1700000000.000100' },
      userGroupIds: [],
      turnId: 'evt:1',
      org: { userTeamId: 'T0SANDBOX', guest: false },
    });
  });

  it('calls users.info once per user within the cache window, and again after it', async () => {
    // Prepare
    let now = 0;
    const slack = new RecordingSlack();
    const resolver = new IdentityResolver(slack, parseConfig(localConfig), silentLogger, () => now);

    // Act
    await resolver.resolve(input);
    await resolver.resolve(input);
    now = IDENTITY_CACHE_MS + 1;
    await resolver.resolve(input);

    // Assess
    expect(slack.of('userProfile')).toHaveLength(2);
  });

  it('does not cache a failed look-up', async () => {
    // Prepare
    const slack = new RecordingSlack();
    slack.failing.add('userProfile');
    const resolver = new IdentityResolver(slack, parseConfig(localConfig), silentLogger);

    // Act
    const first = await resolver.resolve(input);
    const second = await resolver.resolve(input);

    // Assess
    expect(first.requester.email).toBeUndefined();
    expect(second.requester.email).toBe('alice@example.com');
  });

  it('adds the configured user groups the user belongs to', async () => {
    // Prepare
    const slack = new RecordingSlack();
    slack.groups = { S0PLATFORM: ['UALICE0001'], S0OTHER: ['UBOB00001'] };
    const config = parseConfig({
      ...localConfig,
      userGroups: [
        { slackUserGroupId: 'S0PLATFORM', roles: ['approver'] },
        { slackUserGroupId: 'S0OTHER', roles: ['admin'] },
      ],
    });
    const resolver = new IdentityResolver(slack, config, silentLogger);

    // Act
    const identity = await resolver.resolve(input);

    // Assess
    expect(identity.userGroupIds).toEqual(['S0PLATFORM']);
  });
});
