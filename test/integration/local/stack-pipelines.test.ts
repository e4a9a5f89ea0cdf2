/**
 * Pipelines end to end on the local stack (Slack emulator → Bolt → local Lex → code hook → sandbox
 * CodePipeline → executions → Slack): the failed Build of payments-api and its error; a retry
 * whose outcome is told in the thread and announced in the pipeline's channel; data-lake-etl's
 * manual approval decided by an allowed user and refused to another; a duplicated EventBridge event
 * posted once. A fresh stack per test: nothing is shared between them.
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { silentLogger } from '../../../handlers/logger';
import { pipelineExecutionEvent } from '../../../handlers/pipeline-status/pipeline-events';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import type { ChatSession } from '../../../local/terminal-chat/chat-session';
import { attachChat } from '../support/chat-session';
import { eventually } from '../support/eventually';

async function start(): Promise<{ stack: LocalStack; session: ChatSession; printed: string[] }> {
  const printed: string[] = [];
  const stack = await startLocalStack({
    config: parseConfig(localConfig),
    logger: silentLogger,
    sink: () => {},
    store: 'memory',
    pipelineRunMs: 0,
  });
  const session = attachChat(stack, printed);
  return { stack, session, printed };
}

describe('local stack: pipelines', () => {
  let stack: LocalStack | undefined;

  afterEach(async () => {
    await stack?.stop();
    stack = undefined;
  }, 30_000);

  it('shows the failed Build of payments-api, retries it and tells the outcome', async () => {
    // Prepare
    const started = await start();
    stack = started.stack;
    const { session, printed } = started;
    await session.handleLine('how is my pipeline doing');
    await eventually(() => printed.some((l) => l.includes('Which pipeline?')));
    await session.handleLine('payments');
    await eventually(() => printed.some((l) => l.includes('Console:')));
    const status = printed.join('\n');

    // Act
    await session.handleLine('retry payments-api');
    await eventually(() => printed.some((l) => l.includes('[1] Yes')));
    await session.handleLine('1');
    await eventually(() => printed.some((l) => l.includes('(RetryPipelineStage) succeeded')));
    await eventually(() => printed.some((l) => l.includes('payments-api: SUCCEEDED')));

    // Assess
    expect(status).toContain('Pipeline payments-api is Failed');
    expect(status).toContain('Build: Failed — UnitTests: Build failed: 3 tests failed in PaymentServiceTest');
    expect(status).toContain('Error code: JobFailed');
    const after = printed.join('\n');
    expect(after).toContain('Retrying the failed actions of stage Build of payments-api');
    expect((await stack.pipelines.pipelines.getPipeline('payments-api'))?.stages[1]?.status).toBe(
      'Succeeded',
    );
  }, 60_000);

  it("lets an approver approve data-lake-etl's manual approval", async () => {
    // Prepare
    const started = await start();
    stack = started.stack;
    const { session, printed } = started;
    await session.handleLine('/as bob');

    // Act
    await session.handleLine('approve data-lake-etl');
    await eventually(() => printed.some((l) => l.includes('[1] Yes')));
    await session.handleLine('1');
    await eventually(() => printed.some((l) => l.includes('(PipelineApproval) succeeded')));
    await stack.pipelines.pipelines.settled();

    // Assess
    expect(printed.join('\n')).toContain('Approved the manual approval ManualApproval of data-lake-etl');
    const state = await stack.pipelines.pipelines.getPipeline('data-lake-etl');
    expect(state?.stages.map((s) => s.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded', 'Succeeded']);
  }, 60_000);

  it('refuses the manual approval to a user without the approver role', async () => {
    // Prepare
    const started = await start();
    stack = started.stack;
    const { session, printed } = started;

    // Act
    await session.handleLine('approve data-lake-etl');
    await eventually(() => printed.some((l) => /not allowed|permission|role/i.test(l)));

    // Assess
    const state = await stack.pipelines.pipelines.getPipeline('data-lake-etl');
    expect(state?.stages[2]?.status).toBe('InProgress');
    expect(printed.join('\n')).not.toContain('[1] Yes');
  }, 60_000);

  it('posts a duplicated pipeline event once', async () => {
    // Prepare
    const started = await start();
    stack = started.stack;
    const event = pipelineExecutionEvent({
      id: 'dup-0001',
      pipeline: 'payments-api',
      executionId: '7c2d9e4f-2222-4b1a-8f3e-6b2c1d0e9f02',
      state: 'FAILED',
      region: 'us-east-1',
    });

    // Act
    const first = await stack.pipelines.emit(event);
    const second = await stack.pipelines.emit(structuredClone(event));
    await eventually(() => started.printed.some((l) => l.includes('payments-api: FAILED')));

    // Assess
    expect([first, second]).toEqual(['posted', 'duplicate']);
    expect(started.printed.filter((l) => l.includes('payments-api: FAILED'))).toHaveLength(1);
  }, 60_000);
});
