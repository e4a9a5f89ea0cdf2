import { emptySession, SessionStore } from '../../../../../local/lex-runtime/session/session-store';

const key = (sessionId: string) => ({
  botId: 'CHATOPSBOT',
  botAliasId: 'TSTALIASID',
  localeId: 'en_US',
  sessionId,
});

describe('SessionStore', () => {
  it('forgets a session idle for the TTL and keeps one used within it', () => {
    // Prepare
    let now = 1_000_000;
    const store = new SessionStore(300_000, () => now);
    store.put(key('idle'), emptySession('idle'));
    store.put(key('busy'), emptySession('busy'));

    // Act
    now += 200_000;
    store.put(key('busy'), emptySession('busy'));
    now += 100_000;
    const idle = store.get(key('idle'));
    const busy = store.get(key('busy'));

    // Assess
    expect(idle).toBeUndefined();
    expect(busy?.sessionId).toBe('busy');
  });

  it('keeps sessions of different bots, aliases and ids apart', () => {
    // Prepare
    const store = new SessionStore(300_000);
    const a = emptySession('s1');
    a.state.sessionAttributes.owner = 'a';

    // Act
    store.put(key('s1'), a);
    const other = store.get({ ...key('s1'), botAliasId: 'OTHERALIAS' });
    const same = store.get(key('s1'));

    // Assess
    expect(other).toBeUndefined();
    expect(same?.state.sessionAttributes.owner).toBe('a');
  });

  it('sweeps expired sessions and reports deletions of live ones only', () => {
    // Prepare
    let now = 0;
    const store = new SessionStore(1000, () => now);
    store.put(key('old'), emptySession('old'));
    store.put(key('live'), emptySession('live'));
    now = 999;
    store.put(key('live'), emptySession('live'));

    // Act
    now = 1500;
    store.sweep();
    const deletedOld = store.delete(key('old'));
    const deletedLive = store.delete(key('live'));

    // Assess
    expect(deletedOld).toBe(false);
    expect(deletedLive).toBe(true);
    expect(store.size).toBe(0);
  });
});
