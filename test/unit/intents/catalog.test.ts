import { catalog } from '../../../intents/catalog';

describe('catalog', () => {
  it('holds exactly the intents named in the contract surface', () => {
    // Prepare
    const expected = [
      'VendAccount',
      'RotateAccessKey',
      'ListDueAccessKeys',
      'PipelineStatus',
      'RequestStatus',
      'Help',
      'FallbackIntent',
    ];
    // Act
    const ids = catalog.list().map((s) => s.id);
    // Assess
    expect(ids.sort()).toEqual(expected.sort());
  });

  it.each([
    ['VendAccount', ['AccountName', 'AccountEmail', 'OrganizationalUnit', 'AccountType']],
    ['RotateAccessKey', ['UserName']],
    ['PipelineStatus', ['PipelineName']],
    ['RequestStatus', ['RequestId']],
  ])('%s has the contract slots', (id, slots) => {
    // Act
    const names = catalog.get(id)?.slots.map((s) => s.name);
    // Assess
    expect(names).toEqual(slots);
  });

  it('gives every non-fallback intent 20+ sample utterances', () => {
    // Act
    const thin = catalog
      .list()
      .filter((s) => !s.parentIntent && s.utterances.length < 20)
      .map((s) => s.id);
    // Assess
    expect(thin).toEqual([]);
  });

  it('resolves AccountType to Sandbox or Production only', () => {
    // Act
    const type = catalog.customSlotTypes().find((t) => t.name === 'AccountTypeValues');
    // Assess
    expect(type?.values.map((v) => v.value)).toEqual(['Sandbox', 'Production']);
    expect(type?.resolution).toBe('TopResolution');
  });

  it('makes write intents confirm and default to approval (rotating someone else’s key: whenOtherUser)', () => {
    // Act
    const writes = catalog.list().filter((s) => s.sideEffect === 'write');
    // Assess
    expect(writes.map((s) => s.id).sort()).toEqual(['RotateAccessKey', 'VendAccount']);
    for (const spec of writes) expect(spec.confirmation?.prompt).toBeTruthy();
    expect(Object.fromEntries(writes.map((s) => [s.id, s.approval]))).toEqual({
      VendAccount: 'always',
      RotateAccessKey: 'whenOtherUser',
    });
  });
});
