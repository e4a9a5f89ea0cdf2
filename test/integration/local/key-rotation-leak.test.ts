/**
 * The leak test (issue 13): a whole rotation and the sweeper on the local stack — real Bolt over
 * signed HTTP via the Slack emulator, the local Lex runtime, DynamoDB Local — with every log line,
 * Slack Web API call, chat line, ledger item (audit events and key-retirement items included) and
 * notification captured. The generated secret access key, and its base64 and URL-encoded forms,
 * must appear in none of them; it must be in the sandbox Secrets Manager only.
 */
import { ListTablesCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import type { Logger } from '../../../handlers/logger';
import { localDynamoClient } from '../../../local/dynamodb-local';
import { type LocalStack, startLocalStack } from '../../../local/stack';
import { attachChat } from '../support/chat-session';
import { eventually } from '../support/eventually';

const DAY_MS = 86_400_000;

/** A logger that keeps every entry, unredacted (stricter than the real one). */
function capturingLogger(lines: string[], keys: Record<string, unknown> = {}): Logger {
  const log = (level: string) => (message: string, extra?: Record<string, unknown>) => {
    lines.push(
      JSON.stringify({ level, message, ...keys, ...extra }, (_k, v) =>
        v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v,
      ),
    );
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    appendKeys: (more) => Object.assign(keys, more),
    child: (more) => capturingLogger(lines, { ...keys, ...more }),
  };
}

describe('key rotation on the local stack never leaks the secret', () => {
  it('keeps the new secret out of logs, Slack, the ledger, audit events and notifications', async () => {
    // Prepare
    const logs: string[] = [];
    const notifications: string[] = [];
    const printed: string[] = [];
    const clock = { now: new Date() };
    const stack: LocalStack = await startLocalStack({
      config: parseConfig({ ...localConfig, intents: { RotateAccessKey: { approval: 'never' } } }),
      logger: capturingLogger(logs),
      sink: (n) => notifications.push(JSON.stringify(n)),
      dynamodbLocalEndpoint: process.env.DYNAMODB_ENDPOINT ?? '',
      clock: () => clock.now,
    });
    try {
      const session = attachChat(stack, printed);
      const { emulator } = stack;
      if (!emulator) throw new Error('no emulator');

      // Act: the rotation
      await session.handleLine('rotate my access key');
      await eventually(() => printed.some((l) => l.includes('[1] Yes')));
      await session.handleLine('1');
      await eventually(() => printed.some((l) => l.includes('(RotateAccessKey) succeeded')));
      // Act: the sweeper, a dry run, then past the deactivation and the deletion dates
      const reports: string[] = [];
      clock.now = new Date(clock.now.getTime() + 8 * DAY_MS);
      reports.push(JSON.stringify(await stack.keys.sweep({ dryRun: true })));
      reports.push(JSON.stringify(await stack.keys.sweep()));
      clock.now = new Date(clock.now.getTime() + 8 * DAY_MS);
      reports.push(JSON.stringify(await stack.keys.sweep()));
      await stack.idle();
      const client = localDynamoClient(process.env.DYNAMODB_ENDPOINT ?? '');
      const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
      const items: string[] = [];
      for (const TableName of tables.filter((t) => t.startsWith('chatops-local-'))) {
        for (const item of (await client.send(new ScanCommand({ TableName }))).Items ?? [])
          items.push(JSON.stringify(item));
      }
      client.destroy();

      // Assess: the rotation and the sweep happened
      const stored = stack.keys.secrets.currentValue('chatops/access-keys/alice') ?? '{}';
      const secret = (JSON.parse(stored) as { secretAccessKey?: string }).secretAccessKey ?? '';
      expect(secret).toMatch(/^[A-Za-z0-9+/]{40}$/);
      expect(
        reports.map((r) => (JSON.parse(r) as { steps: { action: string }[] }).steps.map((s) => s.action)),
      ).toEqual([['DEACTIVATE'], ['DEACTIVATE'], ['DELETE']]);
      expect(items.some((i) => i.includes('KEY_RETIREMENT_EVENT') && i.includes('DELETED'))).toBe(true);
      expect(printed.join('\n')).toContain('chatops/access-keys/alice');
      // Assess: the secret is nowhere else, in any of its forms
      const forms = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
      const captured = {
        logs: logs.join('\n'),
        slackWebApiCalls: JSON.stringify(emulator.calls),
        chat: printed.join('\n'),
        ledgerItems: items.join('\n'),
        notifications: notifications.join('\n'),
        sweepReports: reports.join('\n'),
      };
      for (const [where, text] of Object.entries(captured)) {
        // Approval emails are the only sink notifications, and this run's policy is `never`.
        if (where !== 'notifications')
          expect({ where, empty: text.length === 0 }).toEqual({ where, empty: false });
        for (const form of forms)
          expect({ where, leaked: text.includes(form) }).toEqual({ where, leaked: false });
      }
    } finally {
      await stack.stop();
    }
  }, 120_000);
});
