import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { MemoryDeduplicator } from '../../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';
import { handlePipelineEvent } from '../../../../handlers/pipeline-status/notifications';
import { SandboxCodePipeline } from '../../../../handlers/sandbox/sandbox-codepipeline';
import { loadFixture } from '../../../support/fixtures';

function setup(overrides: Record<string, unknown> = {}) {
  const notifier = new RecordingChatNotifier();
  const config = parseConfig({ ...localConfig, pipelines: { ...localConfig.pipelines, ...overrides } });
  const deps = {
    config,
    notifier,
    dedup: new MemoryDeduplicator(),
    pipelines: new SandboxCodePipeline(),
    logger: silentLogger,
  };
  return { notifier, deps };
}

describe('pipeline notifications', () => {
  it('posts a FAILED execution to the mapped channel with the failure and Status / Retry buttons', async () => {
    // Prepare
    const { notifier, deps } = setup();
    // Act
    const outcome = await handlePipelineEvent(loadFixture('events/codepipeline-execution-failed.json'), deps);
    // Assess
    expect(outcome).toBe('posted');
    expect(notifier.notices).toHaveLength(1);
    expect(notifier.notices[0]).toMatchObject({
      kind: 'channel',
      channelId: 'C0DEPLOYS',
      notice: {
        text: '❌ Pipeline payments-api: FAILED — run 7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
        fields: [
          { label: 'Failed stage', value: 'Build (UnitTests)' },
          {
            label: 'Error',
            value: 'JobFailed: Build failed: 3 tests failed in PaymentServiceTest (exit code 1)',
          },
          { label: 'Details', value: expect.stringContaining('codebuild') },
        ],
        actions: [
          { actionId: 'pipeline_status', label: 'Status', value: 'status of pipeline payments-api' },
          { actionId: 'pipeline_retry', label: 'Retry', value: 'retry payments-api', style: 'primary' },
        ],
      },
    });
  });

  it('posts a duplicated event once', async () => {
    // Prepare
    const { notifier, deps } = setup();
    const event = loadFixture('events/codepipeline-execution-failed.json');
    // Act
    const outcomes = [
      await handlePipelineEvent(event, deps),
      await handlePipelineEvent(structuredClone(event), deps),
    ];
    // Assess
    expect(outcomes).toEqual(['posted', 'duplicate']);
    expect(notifier.notices).toHaveLength(1);
  });

  it('accepts the older string version of detail.version', async () => {
    // Prepare
    const { notifier, deps } = setup({ defaultChannel: 'C0PIPES' });
    // Act
    await handlePipelineEvent(loadFixture('events/codepipeline-execution-succeeded-v1.json'), deps);
    // Assess
    expect(notifier.notices[0]).toMatchObject({
      channelId: 'C0DEPLOYS',
      notice: { text: expect.stringContaining('web-app: SUCCEEDED') },
    });
  });

  it('announces stage changes only when config asks', async () => {
    // Prepare
    const quiet = setup();
    const chatty = setup({ stageEvents: true });
    const event = loadFixture('events/codepipeline-stage-failed.json');
    // Act
    const outcomes = [
      await handlePipelineEvent(event, quiet.deps),
      await handlePipelineEvent(event, chatty.deps),
    ];
    // Assess
    expect(outcomes).toEqual(['ignored', 'posted']);
    expect(chatty.notifier.notices[0]).toMatchObject({
      notice: { text: expect.stringContaining('payments-api (Build): FAILED') },
    });
  });

  it('refuses an event that is not a CodePipeline state change, naming the field', async () => {
    // Prepare
    const { deps } = setup();
    const event = { ...loadFixture('events/codepipeline-execution-failed.json'), source: 'aws.codebuild' };
    // Act
    const error = await handlePipelineEvent(event, deps).catch((e: unknown) => e);
    // Assess
    expect(error).toMatchObject({
      code: 'PIPELINE_EVENT_INVALID',
      message: expect.stringContaining('source'),
    });
  });
});
