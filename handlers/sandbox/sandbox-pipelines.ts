/**
 * The sandbox world's pipelines (DESIGN §4), as data in the shapes of the pipeline ports:
 * `web-app` (succeeded), `payments-api` (failed in Build with an error message), `data-lake-etl`
 * (waiting at a manual approval), plus generated `fleet-svc-NNN` pipelines (120 by default) so the
 * summary and its pagination have something to page through.
 */
import { consoleUrl } from '../pipeline-status/codepipeline-adapter';
import type { ExecutionSummary, PipelineState, StageView } from '../pipeline-status/pipelines.port';

export const SANDBOX_PIPELINE_REGION = 'us-east-1';
/** The token of data-lake-etl's waiting approval (simulated; never shown). */
export const SANDBOX_APPROVAL_TOKEN = '1a2b3c4d-0000-4e5f-8a9b-sandbox00001';

export interface SandboxPipeline {
  type: 'V1' | 'V2';
  state: PipelineState;
  /** Newest first. */
  executions: ExecutionSummary[];
}

const R = SANDBOX_PIPELINE_REGION;
const ok = (name: string, executionId: string, action = name): StageView => ({
  name,
  status: 'Succeeded',
  executionId,
  actions: [{ name: action, status: 'Succeeded' }],
});
const notRun = (name: string): StageView => ({
  name,
  status: 'NotRun',
  actions: [{ name, status: 'NotRun' }],
});
const state = (name: string, stages: StageView[]): PipelineState => ({
  name,
  region: R,
  consoleUrl: consoleUrl(name, R),
  stages,
});
const run = (id: string, status: string, startedAt: string, updatedAt: string, trigger: string) => ({
  id,
  status,
  startedAt,
  updatedAt,
  trigger,
});

const WEB = '0b9b5c1e-1111-4d6e-9c2f-5a1d0e6f7a01';
const PAY = '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02';
const ETL = 'a4e8f1b2-3333-4c5d-9e6f-7a8b9c0d1e03';

function named(): Record<string, SandboxPipeline> {
  return {
    'web-app': {
      type: 'V2',
      state: state('web-app', [ok('Source', WEB), ok('Build', WEB), ok('Deploy', WEB)]),
      executions: [
        run(
          WEB,
          'Succeeded',
          '2026-11-23T08:00:00.000Z',
          '2026-11-23T08:07:41.000Z',
          'Webhook (git push by alice)',
        ),
        run(
          '0b9b5c1e-1110-4d6e-9c2f-5a1d0e6f7a00',
          'Succeeded',
          '2026-11-22T16:20:00.000Z',
          '2026-11-22T16:27:02.000Z',
          'Webhook (git push by bob)',
        ),
      ],
    },
    'payments-api': {
      type: 'V2',
      state: state('payments-api', [
        ok('Source', PAY),
        {
          name: 'Build',
          status: 'Failed',
          executionId: PAY,
          actions: [
            {
              name: 'UnitTests',
              status: 'Failed',
              errorDetails: {
                code: 'JobFailed',
                message: 'Build failed: 3 tests failed in PaymentServiceTest (exit code 1)',
              },
              externalUrl: `https://console.aws.amazon.com/codesuite/codebuild/projects/payments-api-build/build/payments-api-build:5f1e2d3c?region=${R}`,
            },
          ],
        },
        notRun('Deploy'),
      ]),
      executions: [
        run(
          PAY,
          'Failed',
          '2026-11-23T07:30:00.000Z',
          '2026-11-23T07:36:12.000Z',
          'Webhook (git push by carol)',
        ),
        run(
          'a91f03b6-2221-4b1a-8f3e-6b2c1d0e9f01',
          'Succeeded',
          '2026-11-22T11:05:00.000Z',
          '2026-11-22T11:14:30.000Z',
          'Webhook (git push by alice)',
        ),
        run(
          '52e8c7d0-2220-4b1a-8f3e-6b2c1d0e9f00',
          'Succeeded',
          '2026-11-21T15:45:00.000Z',
          '2026-11-21T15:53:09.000Z',
          'StartPipelineExecution (bob)',
        ),
      ],
    },
    'data-lake-etl': {
      type: 'V1',
      state: state('data-lake-etl', [
        ok('Source', ETL),
        ok('Build', ETL),
        {
          name: 'Approve',
          status: 'InProgress',
          executionId: ETL,
          actions: [
            {
              name: 'ManualApproval',
              status: 'InProgress',
              category: 'Approval',
              token: SANDBOX_APPROVAL_TOKEN,
              approvalMessage: 'Load the nightly partition into the production lake (schema v42).',
            },
          ],
        },
        notRun('Deploy'),
      ]),
      executions: [
        run(
          ETL,
          'InProgress',
          '2026-11-23T09:15:00.000Z',
          '2026-11-23T09:21:00.000Z',
          'CloudWatchEvent (nightly schedule)',
        ),
        run(
          'a4e8f1b2-3332-4c5d-9e6f-7a8b9c0d1e02',
          'Succeeded',
          '2026-11-22T09:15:00.000Z',
          '2026-11-22T10:02:44.000Z',
          'CloudWatchEvent (nightly schedule)',
        ),
      ],
    },
  };
}

function generated(i: number): [string, SandboxPipeline] {
  const name = `fleet-svc-${String(i).padStart(3, '0')}`;
  const id = `f1ee7000-${String(i).padStart(4, '0')}-4000-8000-000000000000`;
  const failed = i % 17 === 0;
  const start = new Date(Date.UTC(2026, 10, 22, 0, 0) + i * 600_000).toISOString();
  const end = new Date(Date.parse(start) + 300_000 + i * 1000).toISOString();
  const build: StageView = failed
    ? {
        name: 'Build',
        status: 'Failed',
        executionId: id,
        actions: [
          { name: 'Build', status: 'Failed', errorDetails: { code: 'JobFailed', message: 'Lint failed' } },
        ],
      }
    : ok('Build', id);
  return [
    name,
    {
      type: i % 2 ? 'V2' : 'V1',
      state: state(name, [ok('Source', id), build]),
      executions: [run(id, failed ? 'Failed' : 'Succeeded', start, end, 'Webhook (git push)')],
    },
  ];
}

/** A fresh copy of the sandbox pipelines (callers may mutate it). */
export function sandboxPipelines(extra = 120): Map<string, SandboxPipeline> {
  const map = new Map(Object.entries(named()));
  for (let i = 1; i <= extra; i += 1) map.set(...generated(i));
  return map;
}
