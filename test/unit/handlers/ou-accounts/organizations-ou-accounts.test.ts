import {
  ListAccountsCommand,
  ListAccountsForParentCommand,
  type ListAccountsForParentCommandOutput,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { OrganizationsOuAccounts } from '../../../../handlers/ou-accounts/organizations-ou-accounts';
import { ouAccountsCapability } from '../../../../handlers/ou-accounts/ou-accounts.capability';
import { expectDeclared, recordAws } from '../../../kit';
import { loadFixture } from '../../../support/fixtures';

const pages = loadFixture<Record<'page1' | 'page2', ListAccountsForParentCommandOutput>>(
  'aws/organizations-list-accounts-for-parent.json',
);

describe('OrganizationsOuAccounts', () => {
  it('reads every page of ListAccountsForParent for the OU, and calls only what the capability declares', async () => {
    // Prepare
    const aws = recordAws();
    const organizations = aws.mock(OrganizationsClient);
    organizations
      .on(ListAccountsForParentCommand, { ParentId: 'ou-sec1-33333333' })
      .resolvesOnce(pages.page1)
      .resolvesOnce(pages.page2);
    const adapter = new OrganizationsOuAccounts(new OrganizationsClient({ region: 'us-east-1' }));

    // Act
    const accounts = await adapter.listAccountsInOu('ou-sec1-33333333');

    // Assess
    expect(accounts).toEqual([
      { id: '222222222222', name: 'log-archive', email: 'aws-log-archive@example.com' },
      { id: '333333333333', name: 'audit', email: 'aws-audit@example.com' },
    ]);
    expect(organizations.commandCalls(ListAccountsForParentCommand)[1]?.args[0].input).toEqual({
      ParentId: 'ou-sec1-33333333',
      NextToken: 'AAAAAExamplePageToken==',
    });
    expect(aws.actions()).toEqual([
      'organizations:ListAccountsForParent',
      'organizations:ListAccountsForParent',
    ]);
    expect(() => expectDeclared(aws, ouAccountsCapability)).not.toThrow();
    aws.restore();
  });

  it('fails the test when a call is not declared by the capability', async () => {
    // Prepare: an adapter that (wrongly) also lists the whole organization
    const aws = recordAws();
    aws.mock(OrganizationsClient).on(ListAccountsCommand).resolves({ Accounts: [] });
    const client = new OrganizationsClient({ region: 'us-east-1' });

    // Act
    await client.send(new ListAccountsCommand({}));

    // Assess
    expect(() => expectDeclared(aws, ouAccountsCapability)).toThrow(
      'ListOuAccounts called AWS actions its capability does not declare in awsNeeds: organizations:ListAccounts',
    );
    aws.restore();
  });
});
