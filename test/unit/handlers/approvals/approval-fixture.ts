/**
 * Test fixture for the approval machinery: a pending VendAccount request on the in-memory ledger,
 * the desk, the notifier and recording twins, with a clock the test moves. Each call builds a
 * fresh world (no state shared between tests).
 */
import { ApprovalDeskService } from '../../../../handlers/approvals/approval-desk';
import { ApprovalNotifier } from '../../../../handlers/approvals/approval-notifier';
import { openApproval } from '../../../../handlers/approvals/approval-plan';
import { ApprovalTokens } from '../../../../handlers/approvals/approval-tokens';
import { RecordingEmailChannel } from '../../../../handlers/approvals/email-channel.port';
import { GeneratedApprovalKeys } from '../../../../handlers/approvals/generated-approval-keys';
import type { ChatOpsConfigInput } from '../../../../handlers/config/config.schema';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import {
  type ExecutionHandOff,
  RecordingHandOff,
} from '../../../../handlers/execution/execution-handoff.port';
import type { Ledger } from '../../../../handlers/ledger/ledger.port';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';
import { silentLogger } from '../../../../handlers/logger';
import { RecordingChatNotifier } from '../../../../handlers/notify/chat-notifier.port';

export const START = new Date('2026-03-02T10:00:00.000Z');

export const VEND_PARAMETERS = {
  AccountName: 'data-lab',
  AccountEmail: 'dana@example.com',
  OrganizationalUnit: 'Workloads (ou-wkl1-22222222)',
  AccountType: 'Production',
};

export interface ApprovalWorld {
  ledger: Ledger;
  tokens: ApprovalTokens;
  keys: GeneratedApprovalKeys;
  desk: ApprovalDeskService;
  notifier: ApprovalNotifier;
  chat: RecordingChatNotifier;
  email: RecordingEmailChannel;
  handOff: RecordingHandOff;
  clock: { now: Date };
  config: ReturnType<typeof parseConfig>;
  /** Files a pending request (quorum given) as Alice and returns it. */
  pending(quorum?: number, parameters?: Record<string, string>): Promise<ChatOpsRequest>;
  /** A token for `approver` on `request`. */
  tokenFor(
    request: ChatOpsRequest,
    approver: string,
    overrides?: { expiresAt?: number; digest?: string; requestId?: string },
  ): Promise<string>;
}

export function approvalWorld(
  options: {
    config?: Partial<ChatOpsConfigInput>;
    ledger?: Ledger;
    failEmailsTo?: string[];
    /** Replaces the recording hand-off inside the desk (the world's `handOff` still records). */
    deskHandOff?: ExecutionHandOff;
  } = {},
): ApprovalWorld {
  const clock = { now: new Date(START) };
  const now = () => clock.now;
  const config = parseConfig({ ...localConfig, ...options.config });
  const ledger = options.ledger ?? new MemoryLedger({ now });
  const keys = new GeneratedApprovalKeys();
  const tokens = new ApprovalTokens(keys);
  const chat = new RecordingChatNotifier();
  const email = new RecordingEmailChannel(options.failEmailsTo);
  const handOff = new RecordingHandOff();
  const desk = new ApprovalDeskService({
    config,
    ledger,
    tokens,
    chat,
    handOff: options.deskHandOff ?? handOff,
    logger: silentLogger,
    now,
  });
  const notifier = new ApprovalNotifier({
    config,
    ledger,
    tokens,
    email,
    chat,
    approvalsUrl: 'http://127.0.0.1:4000/approvals',
    logger: silentLogger,
  });
  let seq = 0;
  return {
    ledger,
    tokens,
    keys,
    desk,
    notifier,
    chat,
    email,
    handOff,
    clock,
    config,
    async pending(quorum = 1, parameters = VEND_PARAMETERS) {
      seq += 1;
      const { request } = await ledger.create({
        intent: 'VendAccount',
        parameters,
        requester: {
          slackUserId: 'UALICE0001',
          teamId: 'T0SANDBOX',
          name: 'Alice Example',
          email: 'alice@example.com',
        },
        origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001', threadTs: '1700000000.000100' },
        idempotencyKey: `fixture-${seq}-${Math.random()}`,
      });
      return ledger.transition(request.id, 'RECEIVED', 'PENDING_APPROVAL', 'system', {
        approval: openApproval(request, quorum, config, clock.now),
      });
    },
    async tokenFor(request, approver, overrides = {}) {
      const approval = request.approval;
      if (!approval) throw new Error('no approval state');
      return tokens.issue({
        requestId: overrides.requestId ?? request.id,
        approver,
        digest: overrides.digest ?? approval.digest,
        expiresAt: overrides.expiresAt ?? Math.floor(Date.parse(approval.expiresAt) / 1000),
      });
    },
  };
}
