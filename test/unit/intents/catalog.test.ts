import { catalog } from '../../../intents/catalog';

/** Pipeline write intents: policy `never` by default, restricted by role (see their specs). */
const PIPELINE_ACTIONS = ['PipelineApproval', 'RetryPipelineStage'];

describe('catalog', () => {
  it('holds exactly the intents named in the contract surface', () => {
    // Prepare
    const expected = [
      'VendAccount',
      'RotateAccessKey',
      'ListDueAccessKeys',
      'PipelineStatus',
      'PipelineSummary',
      'PipelineApproval',
      'RetryPipelineStage',
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
    const gated = writes.filter((s) => !PIPELINE_ACTIONS.includes(s.id));
    // Assess
    expect(writes.map((s) => s.id).sort()).toEqual(
      ['PipelineApproval', 'RetryPipelineStage', 'RotateAccessKey', 'VendAccount'].sort(),
    );
    for (const spec of writes) expect(spec.confirmation?.prompt).toBeTruthy();
    expect(Object.fromEntries(gated.map((s) => [s.id, s.approval]))).toEqual({
      VendAccount: 'always',
      RotateAccessKey: 'whenOtherUser',
    });
  });

  it('lets only named roles act on pipelines (the manual approval is itself the human gate)', () => {
    // Act
    const actions = PIPELINE_ACTIONS.map((id) => catalog.get(id));
    // Assess
    expect(actions.map((s) => [s?.id, s?.approval, s?.requiredRoles])).toEqual([
      ['PipelineApproval', 'never', ['approver']],
      ['RetryPipelineStage', 'never', ['requester', 'approver']],
    ]);
  });
});
