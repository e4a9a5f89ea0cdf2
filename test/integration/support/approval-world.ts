/**
 * Integration-test helper: the approval machinery as the local stack wires it (local/local-approvals.ts) on
 * a fresh DynamoDB Local table, behind the real local approval server and approval API handler —
 * without Lex or Slack, so a test can put any request (even one with an HTML payload in a
 * parameter) into `PENDING_APPROVAL` and get the approvers' emails from the sink.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createApprovalApi } from '../../../handlers/approvals/approval-api';
import { ApprovalDeskService } from '../../../handlers/approvals/approval-desk';
import { ApprovalNotifier } from '../../../handlers/approvals/approval-notifier';
import { openApproval } from '../../../handlers/approvals/approval-plan';
import { ApprovalTokens } from '../../../handlers/approvals/approval-tokens';
import { GeneratedApprovalKeys } from '../../../handlers/approvals/generated-approval-keys';
import type { ChatOpsConfig } from '../../../handlers/config/config.schema';
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { RecordingExecutions } from '../../../handlers/execution/execution.port';
import { InProcessHandOff } from '../../../handlers/execution/execution-handoff.port';
import { runApproved } from '../../../handlers/execution/run-approved';
import { DynamoLedger } from '../../../handlers/ledger/dynamo-ledger';
import type { ChatOpsRequest } from '../../../handlers/ledger/request';
import { silentLogger } from '../../../handlers/logger';
import { RecordingChatNotifier } from '../../../handlers/notify/chat-notifier.port';
import { type ApprovalServer, startApprovalServer } from '../../../local/approval-server';
import type { LocalApprovals } from '../../../local/local-approvals';
import { type EmailNotification, SinkEmailChannel } from '../../../local/notifications';
import { freshLedgerTable, type LedgerTable } from './dynamo';

export interface ApprovalWorld {
  config: ChatOpsConfig;
  ledger: DynamoLedger;
  /** The desk (page and buttons), the notifier, the token signer and the in-process hand-off. */
  approvals: Pick<LocalApprovals, 'desk' | 'notifier' | 'handOff'>;
  tokens: ApprovalTokens;
  executions: RecordingExecutions;
  server: ApprovalServer;
  emails: EmailNotification[];
  /** Files a request as Alice and moves it to `PENDING_APPROVAL`; returns it and each approver's link. */
  pending(options?: {
    parameters?: Record<string, string>;
    quorum?: number;
    requester?: ChatOpsRequest['requester'];
  }): Promise<{ request: ChatOpsRequest; links: Record<string, string> }>;
  stop(): Promise<void>;
}

export const ALICE = {
  slackUserId: 'UALICE0001',
  teamId: 'T0SANDBOX',
  name: 'Alice Example',
  email: 'alice@example.com',
};

const LINK = /http:\/\/127\.0\.0\.1:\d+\/approvals\/REQ-[0-9A-Z]{8}\?token=[^\s]+/;

/** The approval link in an email body. */
export function linkIn(email: EmailNotification): string {
  const link = LINK.exec(email.body)?.[0];
  if (!link) throw new Error(`no approval link in the email to ${email.to}`);
  return link;
}

/** Starts the world; `now` pins the desk's clock (e.g. past the expiry). */
export async function startApprovalWorld(options: { now?: () => Date } = {}): Promise<ApprovalWorld> {
  const table: LedgerTable = await freshLedgerTable();
  const config = parseConfig(localConfig);
  const ledger = new DynamoLedger({ client: table.docClient, tableName: table.tableName });
  const executions = new RecordingExecutions();
  const emails: EmailNotification[] = [];
  let api: ReturnType<typeof createApprovalApi> | undefined;
  const server = await startApprovalServer({
    api: (event, context) => (api ? api(event, context) : Promise.reject(new Error('not ready'))),
  });
  // The same parts as local/local-approvals.ts, assembled here so a test can sign its own tokens.
  const now = options.now ?? (() => new Date());
  const chat = new RecordingChatNotifier();
  const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
  const handOff = new InProcessHandOff(async (requestId) => {
    await runApproved(requestId, { ledger, executions, chat, logger: silentLogger });
  }, silentLogger);
  const notifier = new ApprovalNotifier({
    config,
    ledger,
    tokens,
    email: new SinkEmailChannel((n) => emails.push(n)),
    chat,
    approvalsUrl: server.url,
    logger: silentLogger,
  });
  const desk = new ApprovalDeskService({ config, ledger, tokens, chat, handOff, logger: silentLogger, now });
  const approvals = { desk, notifier, handOff };
  api = createApprovalApi({ desk: approvals.desk, csrfKey: randomBytes(32), logger: silentLogger });
  return {
    config,
    ledger,
    approvals,
    tokens,
    executions,
    server,
    emails,
    async pending(o = {}) {
      const parameters = o.parameters ?? {
        AccountName: 'data-lab',
        AccountEmail: 'dana@example.com',
        OrganizationalUnit: 'Workloads (ou-wkl1-22222222)',
        AccountType: 'Sandbox',
      };
      const { request } = await ledger.create({
        intent: 'VendAccount',
        parameters,
        requester: o.requester ?? ALICE,
        origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001', threadTs: '1700000001.000001' },
        idempotencyKey: `Ev-${randomUUID()}`,
      });
      const pending = await ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'system', {
        approval: openApproval(request, o.quorum ?? 1, config, new Date()),
      });
      const before = emails.length;
      await approvals.notifier.requestApproval(pending);
      const links = Object.fromEntries(emails.slice(before).map((e) => [e.to, linkIn(e)]));
      return { request: pending, links };
    },
    async stop() {
      await approvals.handOff.idle();
      await server.stop();
      table.client.destroy();
    },
  };
}

/** The hidden fields of the first form on an approval page (what a browser would submit). */
export function formFields(html: string, decision: 'approve' | 'reject'): Record<string, string> {
  const forms = html.split('<form').slice(1);
  const form = forms.find((f) => f.includes(`name="decision" value="${decision}"`)) ?? '';
  const fields: Record<string, string> = {};
  for (const match of form.matchAll(/<input type="hidden" name="([a-z]+)" value="([^"]*)">/g)) {
    fields[match[1] as string] = decodeEntities(match[2] as string);
  }
  return fields;
}

function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}
