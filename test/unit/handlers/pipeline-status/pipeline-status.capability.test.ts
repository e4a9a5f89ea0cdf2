import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { StaticHealthIssues } from '../../../../handlers/pipeline-status/health.port';
import { pipelineStatusCapability } from '../../../../handlers/pipeline-status/pipeline-status.capability';
import { pipelineStatusDeps } from '../../../../handlers/pipeline-status/pipeline-status.deps';
import { summarisePipelines } from '../../../../handlers/pipeline-status/pipeline-summary.capability';
import { SandboxCodePipeline } from '../../../../handlers/sandbox/sandbox-codepipeline';

const config = parseConfig(localConfig);
const caller = { slackUserId: 'UALICE0001', teamId: 'T0SANDBOX', roles: new Set<string>() };

function setup(health = new StaticHealthIssues()) {
  const twin = new SandboxCodePipeline({ retryDelayMs: 0 });
  const deps = pipelineStatusDeps({ pipelines: twin, health });
  return { twin, deps };
}

async function check(value: string, deps: ReturnType<typeof setup>['deps']) {
  const slotCheck = pipelineStatusCapability.slotChecks?.PipelineName;
  if (!slotCheck) throw new Error('no slot check');
  return slotCheck(value, { caller, slots: {}, config, deps, fresh: false });
}

describe('PipelineStatus', () => {
  it('resolves "the etl pipeline" to data-lake-etl', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const result = await check('the etl pipeline', deps);
    // Assess
    expect(result).toEqual({ ok: true, value: 'data-lake-etl' });
  });

  it('offers the candidates of an ambiguous name as choices', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const result = await check('fleet svc 10', deps);
    // Assess
    expect(result).toMatchObject({
      ok: false,
      choices: expect.arrayContaining([
        { text: 'fleet-svc-100', value: 'fleet-svc-100' },
        { text: 'fleet-svc-101', value: 'fleet-svc-101' },
      ]),
    });
    expect(result.ok ? '' : result.message).toContain('Several pipelines match "fleet svc 10"');
  });

  it('says a missing name is missing, with close names as choices', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const result = await check('wbe-app', deps);
    // Assess
    expect(result).toEqual({
      ok: false,
      message: 'I can\'t find a pipeline named "wbe-app". Did you mean web-app? Which pipeline?',
      choices: [{ text: 'web-app', value: 'web-app' }],
    });
  });

  it('reads ListPipelines once a minute, not once a question', async () => {
    // Prepare
    const { twin, deps } = setup();
    const list = jest.spyOn(twin, 'listPipelines');
    // Act
    await check('payments', deps);
    await check('web', deps);
    // Assess
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('answers payments-api with the failing action, its error, link, recent runs and console', async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const { message } = await (pipelineStatusCapability.run?.(
      { caller, parameters: { PipelineName: 'payments-api' } },
      deps,
      config,
    ) ?? Promise.reject(new Error('no run')));
    // Assess
    expect(message).toContain('Pipeline payments-api is Failed (run 7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02');
    expect(message).toContain('trigger Webhook (git push by carol)');
    expect(message).toContain(
      '❌ Build: Failed — UnitTests: Build failed: 3 tests failed in PaymentServiceTest (exit code 1)',
    );
    expect(message).toContain('Error code: JobFailed');
    expect(message).toContain(
      'Details: https://console.aws.amazon.com/codesuite/codebuild/projects/payments-api-build',
    );
    expect(message).toContain('❌ 7c2d9e4f Failed · 2026-11-23T07:30:00.000Z · 6m 12s');
    expect(message).toContain(
      'Console: https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/payments-api/view',
    );
  });

  it("answers data-lake-etl with the approval's summary and who may approve it here", async () => {
    // Prepare
    const { deps } = setup();
    // Act
    const result = await pipelineStatusCapability.run?.(
      { caller, parameters: { PipelineName: 'data-lake-etl' } },
      deps,
      config,
    );
    // Assess
    expect(result?.message).toContain('⏳ Approve: InProgress — ManualApproval: waiting for approval');
    expect(result?.message).toContain(
      'Approval: Load the nightly partition into the production lake (schema v42).',
    );
    expect(result?.message).toContain('May approve here: UBOB00001, UCAROL0001');
  });

  it('adds open AWS Health issues of the region to a failed pipeline only', async () => {
    // Prepare
    const health = new StaticHealthIssues([
      { service: 'CODEBUILD', eventTypeCode: 'AWS_CODEBUILD_OPERATIONAL_ISSUE', region: 'us-east-1' },
    ]);
    const { deps } = setup(health);
    // Act
    const failed = await pipelineStatusCapability.run?.(
      { caller, parameters: { PipelineName: 'payments-api' } },
      deps,
      config,
    );
    const green = await pipelineStatusCapability.run?.(
      { caller, parameters: { PipelineName: 'web-app' } },
      deps,
      config,
    );
    // Assess
    expect(failed?.message).toContain(
      '⚠️ AWS Health: open CODEBUILD issue in us-east-1 (AWS_CODEBUILD_OPERATIONAL_ISSUE)',
    );
    expect(green?.message).not.toContain('AWS Health');
  });
});

describe('PipelineSummary', () => {
  it('pages 123 pipelines 20 at a time', async () => {
    // Prepare
    const { deps } = setup();
    const now = Date.parse('2026-11-23T10:00:00.000Z');
    // Act
    const first = await summarisePipelines(1, deps, now);
    const last = await summarisePipelines(7, deps, now);
    // Assess
    expect(first.split('\n')[0]).toBe('Pipelines 1–20 of 123:');
    expect(first).toContain('⏳ data-lake-etl · InProgress');
    expect(first).toContain('Page 1 of 7. Say "pipelines page 2" for more.');
    expect(first.split('\n').filter((l) => l.includes(' · run '))).toHaveLength(20);
    expect(last.split('\n')[0]).toBe('Pipelines 121–123 of 123:');
    expect(last).toContain('❌ payments-api · Failed · run 7c2d9e4f · 2h 30m ago');
    expect(last).not.toContain('Page 7');
  });
});
