import { isValidSessionId, sessionIdFor } from '../../../../bot/conversation/session-id';

describe('sessionIdFor', () => {
  it('keys an Enterprise Grid conversation by enterprise, so two workspaces share the session', () => {
    // Prepare: Grid user and channel ids are org-wide; the event names the workspace it came through.
    const base = { enterpriseId: 'E0ACMEORG', channelId: 'C0SHAREDORG', userId: 'W0GRIDUSER1' };

    // Act
    const fromFirst = sessionIdFor({ ...base, teamId: 'T0GRIDWS01' });
    const fromSecond = sessionIdFor({ ...base, teamId: 'T0GRIDWS02' });

    // Assess
    expect(fromFirst).toBe('E0ACMEORG:C0SHAREDORG:W0GRIDUSER1');
    expect(fromSecond).toBe(fromFirst);
  });

  it('joins team, channel and user readably for a top-level DM', () => {
    // Prepare
    const key = { teamId: 'T0SANDBOX', channelId: 'DALICE0001', userId: 'UALICE0001' };

    // Act
    const id = sessionIdFor(key);

    // Assess
    expect(id).toBe('T0SANDBOX:DALICE0001:UALICE0001');
    expect(isValidSessionId(id)).toBe(true);
  });

  it('gives each thread its own session', () => {
    // Prepare
    const key = { teamId: 'T0SANDBOX', channelId: 'C0DEPLOYS', userId: 'UBOB00001' };

    // Act
    const top = sessionIdFor(key);
    const thread = sessionIdFor({ ...key, threadTs: '1700000100.000200' });

    // Assess
    expect(thread).toBe('T0SANDBOX:C0DEPLOYS:UBOB00001:1700000100.000200');
    expect(thread).not.toBe(top);
  });

  it('differs for different users in the same channel', () => {
    // Prepare
    const base = { teamId: 'T0SANDBOX', channelId: 'C0DEPLOYS', threadTs: '1700000100.000200' };

    // Act
    const alice = sessionIdFor({ ...base, userId: 'UALICE0001' });
    const bob = sessionIdFor({ ...base, userId: 'UBOB00001' });

    // Assess
    expect(alice).not.toBe(bob);
  });

  it('hashes ids that would break the 100-character limit, stably and within the rule', () => {
    // Prepare
    const key = {
      teamId: `E${'X'.repeat(60)}`,
      channelId: `C${'Y'.repeat(30)}`,
      userId: 'W0123456789',
      threadTs: '1.2',
    };

    // Act
    const first = sessionIdFor(key);
    const second = sessionIdFor(key);

    // Assess
    expect(first).toBe(second);
    expect(first.length).toBeLessThanOrEqual(100);
    expect(isValidSessionId(first)).toBe(true);
    expect(sessionIdFor({ ...key, threadTs: '1.3' })).not.toBe(first);
  });

  it('hashes characters Lex does not allow', () => {
    // Prepare
    const key = { teamId: 'T0SANDBOX', channelId: 'C0 SPACE', userId: 'U/SLASH' };

    // Act
    const id = sessionIdFor(key);

    // Assess
    expect(isValidSessionId(id)).toBe(true);
    expect(id.startsWith('h:')).toBe(true);
  });
});
