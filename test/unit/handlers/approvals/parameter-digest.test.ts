import {
  canonicalEncoding,
  digestIntact,
  parameterDigest,
} from '../../../../handlers/approvals/parameter-digest';

const base = {
  intent: 'VendAccount',
  parameters: { AccountName: 'data-lab', AccountType: 'Sandbox' },
  requester: { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX' },
};

describe('parameter digest', () => {
  it('is the SHA-256 (base64url) of a canonical encoding independent of parameter order', () => {
    // Prepare
    const reordered = { ...base, parameters: { AccountType: 'Sandbox', AccountName: 'data-lab' } };
    // Act
    const a = parameterDigest(base);
    const b = parameterDigest(reordered);
    // Assess
    expect(a).toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(canonicalEncoding(base.intent, base.parameters, 'UALICE0001')).toBe(
      '["chatops-parameters/v1","VendAccount","UALICE0001",[["AccountName","data-lab"],["AccountType","Sandbox"]]]',
    );
  });

  it.each([
    ['a parameter value', { ...base, parameters: { ...base.parameters, AccountType: 'Production' } }],
    ['the intent', { ...base, intent: 'RotateAccessKey' }],
    ['the requester', { ...base, requester: { slackUserId: 'UBOB00001', teamId: 'T0SANDBOX' } }],
    ['an added parameter', { ...base, parameters: { ...base.parameters, Extra: '' } }],
    ['a value split across names', { ...base, parameters: { AccountName: 'data-labAccountTypeSandbox' } }],
  ])('changes with %s', (_what, changed) => {
    // Act / Assess
    expect(parameterDigest(changed)).not.toBe(parameterDigest(base));
  });

  it('digestIntact: the stored digest and every vote must match the parameters now', () => {
    // Prepare
    const digest = parameterDigest(base);
    const vote = { approver: 'bob@example.com', label: 'bob', at: '', via: 'link' as const, digest };
    const approval = { digest, quorum: 1, expiresAt: '', plan: [], risk: 'medium' as const, votes: [vote] };
    const request = {
      ...base,
      id: 'REQ-5G8H3N7Q',
      origin: { teamId: 'T', channelId: 'C1' },
      status: 'APPROVED' as const,
      version: 3,
      createdAt: '',
      updatedAt: '',
      idempotencyKey: 'k',
      approval,
    };
    // Act / Assess
    expect(digestIntact(request)).toBe(true);
    expect(digestIntact({ ...request, parameters: { ...base.parameters, AccountType: 'Production' } })).toBe(
      false,
    );
    expect(
      digestIntact({ ...request, approval: { ...approval, votes: [{ ...vote, digest: 'other' }] } }),
    ).toBe(false);
    expect(digestIntact({ ...request, approval: undefined })).toBe(false);
  });
});
