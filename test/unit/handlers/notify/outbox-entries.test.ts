/**
 * Every core Lambda entry that tells people something posts through the chat outbox, so each one
 * fails at cold start, with a ConfigError naming `CHAT_QUEUE_URL`, when the variable is missing
 * (before any AWS call).
 */
const ENTRIES = [
  'handlers/fulfillment.lambda',
  'handlers/approvals/approval-api.lambda',
  'handlers/approvals/expiry-sweeper.lambda',
  'handlers/execution/execution-worker.lambda',
  'handlers/key-rotation/sweeper.lambda',
  'handlers/account-vending/lifecycle.lambda',
  'handlers/account-vending/provisioning-poller.lambda',
  'handlers/pipeline-status/notifications.lambda',
  'handlers/ledger/received-sweeper.lambda',
];

/** Everything an entry reads except the chat queue. */
const ENV_WITHOUT_CHAT_QUEUE = {
  TABLE_NAME: 'chatops-dev-requests',
  AWS_REGION: 'us-east-1',
  EXECUTION_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/111111111111/chatops-dev-executions',
  APPROVAL_KEY_SECRET_ID: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:chatops/dev/approval-keys',
  IDENTITY_KEY_SECRET_ID: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:chatops/dev/identity-key',
  LOG_LEVEL: 'SILENT',
};

describe('core Lambda entries without CHAT_QUEUE_URL', () => {
  const saved = { ...process.env };

  afterEach(() => {
    process.env = { ...saved };
  });

  it.each(ENTRIES)('%s fails at cold start naming CHAT_QUEUE_URL', async (entry) => {
    // Prepare
    process.env = { ...saved, ...ENV_WITHOUT_CHAT_QUEUE };
    delete process.env.CHAT_QUEUE_URL;
    let handler: ((event?: unknown, context?: unknown) => Promise<unknown>) | undefined;
    jest.isolateModules(() => {
      ({ handler } = require(`../../../../${entry}`));
    });

    // Act
    const invoking = handler?.({ Records: [] }, undefined);

    // Assess
    // (isolated modules: the ConfigError class is the entry's own copy, so match its code)
    await expect(invoking).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    await expect(invoking).rejects.toThrow(/CHAT_QUEUE_URL: environment variable is not set/);
  });
});
