import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { orgAccess } from '../../../../handlers/identity/membership';

const GRID = 'E0GRIDORG1';
const slack = () =>
  parseConfig({ ...localConfig, slack: { ...localConfig.slack, teamId: undefined, enterpriseId: GRID } })
    .slack;

describe('orgAccess with the payload’s Enterprise Grid organisation', () => {
  it('places a payload from another workspace of our organisation by the payload’s enterprise', () => {
    // Prepare: users.info could not be read, so only the signed payload says where it is from
    const org = { payloadEnterpriseId: GRID };
    // Act
    const access = orgAccess('T0WORKSPC2', org, slack());
    // Assess: from our organisation but unverified (changes refused), not "another organisation"
    expect(access).toBe('unverified');
  });

  it('refuses a payload of another organisation even when the profile claims ours', () => {
    // Prepare
    const org = {
      payloadEnterpriseId: 'E0OTHERORG',
      enterpriseId: GRID,
      userTeamId: 'T0WORKSPC2',
      guest: false,
    };
    // Act
    const access = orgAccess('T0WORKSPC2', org, slack());
    // Assess
    expect(access).toBe('external');
  });

  it('accepts a full member of our organisation from any of its workspaces', () => {
    // Prepare
    const org = { payloadEnterpriseId: GRID, enterpriseId: GRID, userTeamId: 'T0WORKSPC3', guest: false };
    // Act
    const access = orgAccess('T0WORKSPC2', org, slack());
    // Assess
    expect(access).toBe('member');
  });

  it('falls back to the user’s enterprise when the payload names none (not a Grid payload)', () => {
    // Prepare
    const org = { enterpriseId: GRID, userTeamId: 'T0WORKSPC2', guest: false };
    // Act
    const access = orgAccess('T0WORKSPC2', org, slack());
    // Assess
    expect(access).toBe('member');
  });
});
