import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import type { NewRequest } from '../../../../handlers/ledger/request';
import { commandTurn, homeTurn, wiredRunner } from '../support/turns';

const newRequest = (userId: string, name: string): NewRequest => ({
  intent: 'VendAccount',
  parameters: { AccountName: name, AccountType: 'Sandbox' },
  requester: { teamId: 'T0SANDBOX', slackUserId: userId },
  origin: { teamId: 'T0SANDBOX', channelId: `D${userId.slice(1)}` },
  idempotencyKey: `evt:${name}`,
});

describe('/chatops status', () => {
  it('shows the requester their own request', async () => {
    // Prepare
    const { slack, ledger, runner } = wiredRunner();
    const { request } = await ledger.create(newRequest('UALICE0001', 'data-lab'));

    // Act
    await runner.run(commandTurn({ command: 'status', argument: request.id.toLowerCase().replace('-', '') }));

    // Assess
    const answer = slack.of('respond')[0];
    expect(answer?.responseUrl).toBe('https://hooks.slack.com/commands/T0SANDBOX/1/abc');
    expect(JSON.stringify(answer?.blocks)).toContain(request.id);
    expect(JSON.stringify(answer?.blocks)).toContain('data-lab');
  });

  it('shows an approver someone else’s request', async () => {
    // Prepare
    const { slack, ledger, runner } = wiredRunner();
    const { request } = await ledger.create(newRequest('UALICE0001', 'data-lab'));

    // Act
    await runner.run(commandTurn({ userId: 'UBOB00001', command: 'status', argument: request.id }));

    // Assess
    expect(JSON.stringify(slack.of('respond')[0]?.blocks)).toContain(request.id);
  });

  it('answers a stranger exactly as if the request did not exist', async () => {
    // Prepare
    const { slack, ledger, runner } = wiredRunner();
    const { request } = await ledger.create(newRequest('UALICE0001', 'data-lab'));
    const stranger = 'UDAVE00001';

    // Act
    await runner.run(commandTurn({ userId: stranger, command: 'status', argument: request.id }));
    await runner.run(
      commandTurn({ id: 'cmd:2', userId: stranger, command: 'status', argument: 'REQ-00000000' }),
    );

    // Assess
    const [forbidden, missing] = slack.of('respond').map((c) => String(c.text));
    expect(forbidden).toBe(`I cannot find a request ${request.id} that you are allowed to see.`);
    expect(missing).toBe('I cannot find a request REQ-00000000 that you are allowed to see.');
    expect(JSON.stringify(slack.of('respond'))).not.toContain('data-lab');
  });

  it('explains what a request id looks like when the argument is not one', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run(commandTurn({ command: 'status', argument: 'banana' }));

    // Assess
    expect(String(slack.of('respond')[0]?.text)).toMatch(/REQ-5G8H3N7Q/);
  });
});

describe('/chatops mine and App Home', () => {
  it('lists only the user’s requests, newest first', async () => {
    // Prepare
    let clock = Date.parse('2024-01-01T00:00:00Z');
    const { slack, ledger, runner } = wiredRunner({
      ledger: new MemoryLedger({ now: () => new Date(clock) }),
    });
    await ledger.create(newRequest('UALICE0001', 'first-acct'));
    clock += 60_000;
    await ledger.create(newRequest('UALICE0001', 'second-acct'));
    await ledger.create(newRequest('UBOB00001', 'bobs-acct'));

    // Act
    await runner.run(commandTurn({ command: 'mine' }));
    await runner.run(homeTurn('UALICE0001'));

    // Assess
    const mine = JSON.stringify(slack.of('respond')[0]?.blocks);
    const home = JSON.stringify(slack.of('publishHome')[0]?.view);
    for (const shown of [mine, home]) {
      expect(shown.indexOf('second-acct')).toBeGreaterThan(-1);
      expect(shown.indexOf('second-acct')).toBeLessThan(shown.indexOf('first-acct'));
      expect(shown).not.toContain('bobs-acct');
      expect(shown).toContain('Received');
    }
  });

  it('publishes an empty state for a user with no requests', async () => {
    // Prepare
    const { slack, runner } = wiredRunner();

    // Act
    await runner.run(homeTurn('UCAROL0001'));

    // Assess
    expect(slack.of('publishHome')[0]?.userId).toBe('UCAROL0001');
    expect(JSON.stringify(slack.of('publishHome')[0]?.view)).toContain('no requests yet');
  });
});
