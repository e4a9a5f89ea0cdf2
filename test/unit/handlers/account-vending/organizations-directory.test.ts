import {
  ListAccountsCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { OrganizationsDirectory } from '../../../../handlers/account-vending/organizations-directory';

function mockOrganization() {
  const org = mockClient(OrganizationsClient);
  org.on(ListRootsCommand).resolves({ Roots: [{ Id: 'r-ab12', Name: 'Root' }] });
  org
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-ab12', NextToken: undefined })
    .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-11111111', Name: 'Sandbox' }], NextToken: 'n2' })
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'r-ab12', NextToken: 'n2' })
    .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-22222222', Name: 'Workloads' }] })
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-11111111' })
    .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-33333333', Name: 'Dev' }] })
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-22222222' })
    .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-44444444', Name: 'Dev' }] })
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-33333333' })
    .resolves({ OrganizationalUnits: [] })
    .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-44444444' })
    .resolves({ OrganizationalUnits: [] });
  org
    .on(ListAccountsCommand, { NextToken: undefined })
    .resolves({
      Accounts: [{ Id: '111111111111', Name: 'management', Email: 'root@example.com' }],
      NextToken: 'a2',
    })
    .on(ListAccountsCommand, { NextToken: 'a2' })
    .resolves({ Accounts: [{ Id: '222222222222', Name: 'audit', Email: 'audit@example.com' }] });
  return org;
}

describe('OrganizationsDirectory', () => {
  it('lists every OU at any depth, over every page, with its path', async () => {
    // Prepare
    const org = mockOrganization();
    const directory = new OrganizationsDirectory({
      client: new OrganizationsClient({ region: 'us-east-1' }),
    });
    // Act
    const ous = await directory.listOrganizationalUnits();
    // Assess
    expect(ous).toEqual([
      { id: 'ou-ab12-11111111', name: 'Sandbox', path: 'Root / Sandbox' },
      { id: 'ou-ab12-22222222', name: 'Workloads', path: 'Root / Workloads' },
      { id: 'ou-ab12-33333333', name: 'Dev', path: 'Root / Sandbox / Dev' },
      { id: 'ou-ab12-44444444', name: 'Dev', path: 'Root / Workloads / Dev' },
    ]);
    expect(org).toHaveReceivedCommandWith(ListOrganizationalUnitsForParentCommand, {
      ParentId: 'r-ab12',
      NextToken: 'n2',
    });
    org.restore();
  });

  it('lists every account over every page', async () => {
    // Prepare
    const org = mockOrganization();
    const directory = new OrganizationsDirectory({
      client: new OrganizationsClient({ region: 'us-east-1' }),
    });
    // Act
    const accounts = await directory.listAccounts();
    // Assess
    expect(accounts.map((a) => a.email)).toEqual(['root@example.com', 'audit@example.com']);
    expect(org).toHaveReceivedCommandTimes(ListAccountsCommand, 2);
    org.restore();
  });

  it('caches for a minute in the dialog, but a fresh look-up always asks AWS again', async () => {
    // Prepare
    const org = mockOrganization();
    let now = 0;
    const directory = new OrganizationsDirectory({
      client: new OrganizationsClient({ region: 'us-east-1' }),
      now: () => now,
    });
    await directory.listAccounts();
    // Act
    now = 59_000;
    await directory.listAccounts();
    const cachedCalls = org.commandCalls(ListAccountsCommand).length;
    await directory.listAccounts({ fresh: true });
    const freshCalls = org.commandCalls(ListAccountsCommand).length;
    now = 200_000;
    await directory.listAccounts();
    // Assess
    expect([cachedCalls, freshCalls, org.commandCalls(ListAccountsCommand).length]).toEqual([2, 4, 6]);
    org.restore();
  });
});
