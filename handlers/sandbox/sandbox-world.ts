/**
 * The sandbox AWS world (DESIGN §4): data, not code paths. Every answer is clearly labelled as
 * simulated by the callers that render it. Later issues add provisioning and key rotation here.
 */
import type { OrganizationalUnit } from '../account-vending/organization.port';
import type { PipelineView } from '../pipeline-status/pipelines.port';

export const SANDBOX_REGION = 'us-east-1';

export interface SandboxWorldData {
  organizationalUnits: OrganizationalUnit[];
  accounts: { id: string; name: string; email: string; ou: string }[];
  iamUsers: string[];
  pipelines: PipelineView[];
}

const console = (name: string) =>
  `https://${SANDBOX_REGION}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${name}/view?region=${SANDBOX_REGION}`;

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
    pipelines: [
      {
        name: 'web-app',
        status: 'Succeeded',
        executionId: '0b9b5c1e-1111-4d6e-9c2f-5a1d0e6f7a01',
        startedAt: '2026-11-23T08:00:00.000Z',
        consoleUrl: console('web-app'),
        stages: [
          { name: 'Source', status: 'Succeeded' },
          { name: 'Build', status: 'Succeeded' },
          { name: 'Deploy', status: 'Succeeded' },
        ],
      },
      {
        name: 'payments-api',
        status: 'Failed',
        executionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
        startedAt: '2026-11-23T07:30:00.000Z',
        consoleUrl: console('payments-api'),
        stages: [
          { name: 'Source', status: 'Succeeded' },
          {
            name: 'Build',
            status: 'Failed',
            action: {
              name: 'UnitTests',
              status: 'Failed',
              message: 'Build failed: 3 tests failed in PaymentServiceTest (exit code 1)',
            },
          },
          { name: 'Deploy', status: 'NotRun' },
        ],
      },
      {
        name: 'data-lake-etl',
        status: 'InProgress',
        executionId: 'a4e8f1b2-3333-4c5d-9e6f-7a8b9c0d1e03',
        startedAt: '2026-11-23T09:15:00.000Z',
        consoleUrl: console('data-lake-etl'),
        stages: [
          { name: 'Source', status: 'Succeeded' },
          { name: 'Build', status: 'Succeeded' },
          {
            name: 'Approve',
            status: 'InProgress',
            action: { name: 'ManualApproval', status: 'InProgress', message: 'Waiting for manual approval' },
          },
          { name: 'Deploy', status: 'NotRun' },
        ],
      },
    ],
  };
}
