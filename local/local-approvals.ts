/**
 * The approval machinery of the local stack: a key generated at start (never printed), signed
 * links to the local approval server, emails to the notification sink, the desk behind the page and
 * the Slack buttons, in-process execution hand-off (next tick, never inside the approver's HTTP
 * request) with the digest re-check, and the expiry sweep on a timer.
 */
import { ApprovalDeskService } from '../handlers/approvals/approval-desk';
import { ApprovalNotifier } from '../handlers/approvals/approval-notifier';
import { ApprovalTokens } from '../handlers/approvals/approval-tokens';
import { sweepExpired } from '../handlers/approvals/expiry-sweeper';
import { GeneratedApprovalKeys } from '../handlers/approvals/generated-approval-keys';
import type { ChatOpsConfig } from '../handlers/config/config.schema';
import type { Executions } from '../handlers/execution/execution.port';
import { InProcessHandOff } from '../handlers/execution/execution-handoff.port';
import { runApproved } from '../handlers/execution/run-approved';
import type { Ledger } from '../handlers/ledger/ledger.port';
import type { Logger } from '../handlers/logger';
import type { ChatNotifier } from '../handlers/notify/chat-notifier.port';
import { type NotificationSink, SinkEmailChannel } from './notifications';
import { runPeriodically } from './periodic';

export interface LocalApprovalsOptions {
  config: ChatOpsConfig;
  ledger: Ledger;
  executions: Executions;
  /** Where approvers' messages and outcomes go (local/stack.ts binds Slack). */
  chat: ChatNotifier;
  logger: Logger;
  sink: NotificationSink;
  approvalsUrl: string;
  /** How often the expiry sweep runs (default one minute). */
  sweepIntervalMs?: number;
  now?: () => Date;
}

export interface LocalApprovals {
  /** `ApprovalRequests` for the code hook. */
  notifier: ApprovalNotifier;
  /** The `ApprovalDesk` (page) and `ApprovalActionHandler` (buttons). */
  desk: ApprovalDeskService;
  handOff: InProcessHandOff;
  sweep(): Promise<string[]>;
  stop(): void;
}

export function createLocalApprovals(options: LocalApprovalsOptions): LocalApprovals {
  const { config, ledger, logger } = options;
  const now = options.now ?? (() => new Date());
  const { chat } = options;
  const tokens = new ApprovalTokens(new GeneratedApprovalKeys());
  const handOff = new InProcessHandOff(async (requestId) => {
    await runApproved(requestId, { ledger, executions: options.executions, chat, logger });
  }, logger);
  const notifier = new ApprovalNotifier({
    config,
    ledger,
    tokens,
    email: new SinkEmailChannel(options.sink),
    chat,
    approvalsUrl: options.approvalsUrl,
    logger,
  });
  const desk = new ApprovalDeskService({ config, ledger, tokens, chat, handOff, logger, now });
  const sweep = () => sweepExpired({ config, ledger, chat, logger, now });
  const stop = runPeriodically(sweep, options.sweepIntervalMs ?? 60_000, 'The approval expiry sweep', logger);
  return { notifier, desk, handOff, sweep, stop };
}
