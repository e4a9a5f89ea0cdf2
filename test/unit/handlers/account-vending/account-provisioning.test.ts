import { vendingWorld } from './support/vending-world';

describe('AccountProvisioning: launch and the quota queue', () => {
  it('starts an approved request: ProvisionProduct once, IN_PROGRESS with the record id, "provisioning started" in the thread', async () => {
    // Prepare
    const w = vendingWorld();
    const request = await w.approved('data-lab');
    // Act
    await w.provisioning.launch(request);
    // Assess
    const running = await w.ledger.get(request.id);
    expect(running?.status).toBe('IN_PROGRESS');
    expect(running?.externalIds?.recordId).toMatch(/^rec-\d{12}$/);
    expect(running?.externalIds?.provisionedProductName).toBe(`data-lab-${request.id}`);
    expect(w.factory.provisionCalls).toEqual([
      {
        requestId: request.id,
        accountName: 'data-lab',
        accountEmail: 'data-lab@example.com',
        organizationalUnit: { name: 'Workloads', id: 'ou-wkl1-22222222' },
        ssoUser: { email: 'alice@example.com', firstName: 'Alice', lastName: 'Example' },
      },
    ]);
    expect(w.notifier.notices.map((n) => n.notice.text)).toEqual([
      expect.stringContaining(`Request ${request.id}: provisioning started for account data-lab`),
    ]);
    w.factory.stop();
  });

  it('keeps 5 in progress and queues the 6th with its position; it starts when one finishes', async () => {
    // Prepare
    const w = vendingWorld();
    const requests = [];
    for (const name of ['a-1', 'a-2', 'a-3', 'a-4', 'a-5', 'a-6']) requests.push(await w.approved(name));
    // Act
    for (const r of requests) await w.provisioning.launch(r);
    // Assess
    const statuses = await Promise.all(requests.map(async (r) => (await w.ledger.get(r.id))?.status));
    expect(statuses).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'QUEUED',
    ]);
    const sixth = requests[5];
    if (!sixth) throw new Error('six requests');
    expect(await w.provisioning.queuePosition(sixth.id)).toBe(1);
    expect(w.notifier.notices.at(-1)?.notice.text).toContain('queued, position 1');
    expect(w.factory.provisionCalls).toHaveLength(5);
    // Act: the first finishes.
    const first = await w.ledger.get(requests[0]?.id ?? '');
    if (!first) throw new Error('first');
    await w.provisioning.complete(first, { state: 'SUCCEEDED', accountId: '123456789012' }, 'test');
    // Assess
    expect((await w.ledger.get(sixth.id))?.status).toBe('IN_PROGRESS');
    expect(w.factory.provisionCalls.map((c) => c.accountName)).toContain('a-6');
    w.factory.stop();
  });

  it('starts queued requests in approval order, and a failure frees its slot', async () => {
    // Prepare
    const w = vendingWorld();
    const requests = [];
    for (const name of ['b-1', 'b-2', 'b-3', 'b-4', 'b-5', 'b-6', 'b-7'])
      requests.push(await w.approved(name));
    for (const r of requests) await w.provisioning.launch(r);
    const [first, , , , , sixth, seventh] = requests;
    if (!first || !sixth || !seventh) throw new Error('seven requests');
    expect(await w.provisioning.queuePosition(seventh.id)).toBe(2);
    expect(w.notifier.notices.at(-1)?.notice.text).toContain('queued, position 2');
    // Act
    const running = await w.ledger.get(first.id);
    if (!running) throw new Error('first');
    await w.provisioning.complete(
      running,
      { state: 'FAILED', reason: 'Control Tower reported: no.' },
      'test',
    );
    // Assess
    expect((await w.ledger.get(first.id))?.status).toBe('FAILED');
    expect((await w.ledger.get(sixth.id))?.status).toBe('IN_PROGRESS');
    expect((await w.ledger.get(seventh.id))?.status).toBe('QUEUED');
    expect(await w.provisioning.queuePosition(seventh.id)).toBe(1);
    w.factory.stop();
  });

  it('provisions once when the same approval is launched twice', async () => {
    // Prepare
    const w = vendingWorld();
    const request = await w.approved('twice');
    // Act
    await Promise.all([w.provisioning.launch(request), w.provisioning.launch(request)]);
    // Assess
    expect(w.factory.records.size).toBe(1);
    const history = await w.ledger.history(request.id);
    expect(history.filter((e) => e.toStatus === 'IN_PROGRESS')).toHaveLength(1);
    expect(w.notifier.notices).toHaveLength(1);
    w.factory.stop();
  });

  it('fails with the operator-facing message when the product is not found, and tells the requester', async () => {
    // Prepare
    const w = vendingWorld({ productName: 'Renamed Account Factory' });
    const request = await w.approved('no-product');
    // Act
    await w.provisioning.launch(request);
    // Assess
    const failed = await w.ledger.get(request.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toContain('Is the vending role in the Account Factory portfolio?');
    expect(w.notifier.notices[0]?.notice.text).toContain(
      'Is the vending role in the Account Factory portfolio?',
    );
  });

  it('fails clearly when the requester profile has no two-part name', async () => {
    // Prepare
    const w = vendingWorld();
    const input = await w.approved('one-name');
    const request = { ...input, requester: { ...input.requester, name: 'Cher' } };
    // Act
    await w.provisioning.launch(request);
    // Assess
    const failed = await w.ledger.get(request.id);
    expect(failed?.status).toBe('FAILED');
    expect(failed?.reason).toContain('first and a last name');
    expect(w.factory.provisionCalls).toEqual([]);
  });
});
