/**
 * The worked example of extending ChatOps (CONTRIBUTING.md, "Add an intent"), built exactly as a
 * team adds its own: intent specs in intents/examples/, one capability folder each in handlers/,
 * and this extension that lists them with their deps factories. Off unless config sets
 * `examples.enabled` (handlers/extensions.ts). ListOuAccounts is read-only; JoinIdentityCenterGroup
 * writes (approval, then removal when the time is up: handlers/group-access/expiry-sweep.ts).
 */
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { joinIdentityCenterGroupIntent } from '../../intents/examples/join-identity-center-group.intent';
import { listOuAccountsIntent } from '../../intents/examples/list-ou-accounts.intent';
import { ConfigError } from '../errors';
import { defineExtension } from '../extension';
import { joinGroupCapability } from '../group-access/group-access.capability';
import type { GroupAccessDeps } from '../group-access/group-access.port';
import { IdentitystoreGroupAccess, identitystoreClient } from '../group-access/identitystore-group-access';
import { SandboxGroupAccess } from '../group-access/sandbox-group-access';
import { OrganizationsOuAccounts } from '../ou-accounts/organizations-ou-accounts';
import { ouAccountsCapability } from '../ou-accounts/ou-accounts.capability';
import type { OuAccountsDeps } from '../ou-accounts/ou-accounts.port';
import { SandboxOuAccounts } from '../ou-accounts/sandbox-ou-accounts';

/** The configured identity store. @throws ConfigError when config names none */
export function identityStoreIdOf(config: {
  examples: { groupAccess: { identityStoreId?: string | undefined } };
}): string {
  const id = config.examples.groupAccess.identityStoreId;
  if (!id) {
    throw new ConfigError([
      {
        path: 'examples.groupAccess.identityStoreId',
        message: 'the worked example is enabled: name the IAM Identity Center identity store (d-0123456789)',
      },
    ]);
  }
  return id;
}

export const workedExampleExtension = defineExtension<OuAccountsDeps & GroupAccessDeps>({
  name: 'worked-example',
  intents: [listOuAccountsIntent, joinIdentityCenterGroupIntent],
  capabilities: [ouAccountsCapability, joinGroupCapability],
  sandboxDeps: ({ world, config }) => ({
    ouAccounts: new SandboxOuAccounts(world),
    groupAccess: new SandboxGroupAccess(config),
  }),
  awsDeps: ({ region, config }) => ({
    ouAccounts: new OrganizationsOuAccounts(new OrganizationsClient({ region, retryMode: 'standard' })),
    groupAccess: new IdentitystoreGroupAccess(identitystoreClient(region), identityStoreIdOf(config)),
  }),
});
