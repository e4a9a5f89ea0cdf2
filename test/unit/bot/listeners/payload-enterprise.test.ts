import { eventEnterprise, payloadEnterprise } from '../../../../bot/listeners/payload-enterprise';
import single from '../../../fixtures/slack/event-message-im.json';
import grid from '../../../fixtures/slack/event-message-im-grid.json';

describe('payloadEnterprise', () => {
  it('reads the organisation of a Grid envelope', () => {
    // Act
    const found = eventEnterprise(grid, {});
    // Assess
    expect(found).toEqual({ enterpriseId: 'E0GRIDORG1' });
  });

  it('gives nothing for a workspace outside Grid (enterprise ids are null)', () => {
    // Act
    const found = eventEnterprise(single, {});
    // Assess
    expect(found).toEqual({});
  });

  it('falls back to the authorizations, then to Bolt’s context', () => {
    // Prepare
    const { enterprise_id: _dropped, ...withoutTop } = grid;
    // Act
    const fromAuthorizations = eventEnterprise(withoutTop, {});
    const fromContext = eventEnterprise(single, { enterpriseId: 'E0CONTEXT1' });
    // Assess
    expect(fromAuthorizations).toEqual({ enterpriseId: 'E0GRIDORG1' });
    expect(fromContext).toEqual({ enterpriseId: 'E0CONTEXT1' });
  });

  it('ignores anything that is not an enterprise id', () => {
    // Act
    const found = payloadEnterprise(null, '', 'T0SANDBOX', 'e0lower', 42, 'E0REAL0001');
    // Assess
    expect(found).toEqual({ enterpriseId: 'E0REAL0001' });
  });
});
