/**
 * The sandbox AWS world (DESIGN §4): data, not code paths. Every answer is clearly labelled as
 * simulated by the callers that render it. Later issues add provisioning and key rotation here; the pipelines live in ./sandbox-pipelines.ts.
 */
import type { OrganizationalUnit } from '../account-vending/organization.port';

export const SANDBOX_REGION = 'us-east-1';

export interface SandboxWorldData {
  organizationalUnits: OrganizationalUnit[];
  accounts: { id: string; name: string; email: string; ou: string }[];
  iamUsers: string[];
}

/** A fresh copy of the default sandbox world (callers may mutate their copy). */
export function defaultSandboxWorld(): SandboxWorldData {
  return {
    organizationalUnits: [
      { id: 'ou-sbx1-11111111', name: 'Sandbox', path: 'Root / Sandbox' },
      { id: 'ou-wkl1-22222222', name: 'Workloads', path: 'Root / Workloads' },
      { id: 'ou-sec1-33333333', name: 'Security', path: 'Root / Security' },
      { id: 'ou-wkl1-44444444', name: 'Dev', path: 'Root / Workloads / Dev' },
    ],
    accounts: [
      { id: '111111111111', name: 'management', email: 'aws-management@example.com', ou: 'Root' },
      {
        id: '222222222222',
        name: 'log-archive',
        email: 'aws-log-archive@example.com',
        ou: 'ou-sec1-33333333',
      },
      { id: '333333333333', name: 'audit', email: 'aws-audit@example.com', ou: 'ou-sec1-33333333' },
    ],
    iamUsers: ['alice', 'bob', 'ci-deployer'],
  };
}
