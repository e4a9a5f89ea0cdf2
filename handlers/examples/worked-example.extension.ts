/**
 * The worked example of extending ChatOps (CONTRIBUTING.md, "Add an intent"), built exactly as a
 * team adds its own: intent specs in intents/examples/, one capability folder each in handlers/,
 * and this extension that lists them with their deps factories. Off unless config sets
 * `examples.enabled` (handlers/extensions.ts).
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { listOuAccountsIntent } from '../../intents/examples/list-ou-accounts.intent';
import { defineExtension } from '../extension';
import { OrganizationsOuAccounts } from '../ou-accounts/organizations-ou-accounts';
import { ouAccountsCapability } from '../ou-accounts/ou-accounts.capability';
import type { OuAccountsDeps } from '../ou-accounts/ou-accounts.port';
import { SandboxOuAccounts } from '../ou-accounts/sandbox-ou-accounts';

export const workedExampleExtension = defineExtension<OuAccountsDeps>({
  name: 'worked-example',
  intents: [listOuAccountsIntent],
  capabilities: [ouAccountsCapability],
  sandboxDeps: ({ world }) => ({ ouAccounts: new SandboxOuAccounts(world) }),
  awsDeps: ({ region }) => ({
    ouAccounts: new OrganizationsOuAccounts(new OrganizationsClient({ region, retryMode: 'standard' })),
  }),
});
