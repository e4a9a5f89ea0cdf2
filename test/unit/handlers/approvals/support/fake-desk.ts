/**
 * A small fake of the approval desk for the approval API's unit tests: one pending request, one
 * valid token per approver, and a record of every call (so tests can assert that GET and HEAD
 * never decide). Refusals are the desk's contract statuses.
 */
import type {
  ApprovalDesk,
  ApprovalView,
  DecisionOutcome,
  DeskResult,
} from '../../../../../handlers/approvals/approval-desk.port';
import type { ChatOpsRequest } from '../../../../../handlers/ledger/request';

export const REQUEST_ID = 'REQ-5G8H3N7Q';
export const BOB_TOKEN = 'tok.bob.0123456789abcdef';

/** A pending VendAccount request as the ledger stores it. */
export function pendingRequest(parameters: Record<string, string> = {}): ChatOpsRequest {
  return {
    id: REQUEST_ID,
    intent: 'VendAccount',
    parameters: {
      AccountName: 'data-lab',
      AccountEmail: 'dana@example.com',
      OrganizationalUnit: 'Workloads (ou-wkl1-22222222)',
      AccountType: 'Sandbox',
      ...parameters,
    },
    requester: {
      slackUserId: 'UALICE0001',
      teamId: 'T0SANDBOX',
      name: 'Alice Example',
      email: 'alice@example.com',
    },
    origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001', threadTs: '1700000001.000001' },
    status: 'PENDING_APPROVAL',
    version: 2,
    createdAt: '2026-12-02T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:01.000Z',
    idempotencyKey: 'Ev-fake-desk',
  };
}

/** The view of {@link pendingRequest}. */
export function pendingView(request: ChatOpsRequest = pendingRequest()): ApprovalView {
  return {
    request,
    plan: ['Service Catalog ProvisionProduct of AWS Control Tower Account Factory with AccountName=data-lab'],
    risk: 'medium',
    quorum: 1,
    approvals: [],
    pendingApprovers: ['Bob Example <bob@example.com>', 'Carol Example <carol@example.com>'],
    expiresAt: '2026-12-03T09:00:00.000Z',
  };
}

type DecideInput = Parameters<ApprovalDesk['decideByToken']>[0];

export class FakeDesk implements ApprovalDesk {
  readonly inspected: { requestId: string; token: string }[] = [];
  readonly decided: DecideInput[] = [];
  /** Set to make every call answer this refusal. */
  refusal?: { status: 403 | 404 | 409 | 410; message: string };
  outcome: DecisionOutcome = 'APPROVED';

  constructor(private readonly view: ApprovalView = pendingView()) {}

  async inspect(
    requestId: string,
    token: string,
  ): Promise<DeskResult<{ view: ApprovalView; approver: string }>> {
    this.inspected.push({ requestId, token });
    const refused = this.refuse(requestId, token);
    return refused ?? { ok: true, view: this.view, approver: 'bob@example.com' };
  }

  async decideByToken(
    input: DecideInput,
  ): Promise<DeskResult<{ outcome: DecisionOutcome; view: ApprovalView; message: string }>> {
    this.decided.push(input);
    const refused = this.refuse(input.requestId, input.token);
    if (refused) return refused;
    const message = input.decision === 'approve' ? `Approved by Bob Example.` : `Rejected by Bob Example.`;
    return {
      ok: true,
      outcome: input.decision === 'approve' ? this.outcome : 'REJECTED',
      view: this.view,
      message,
    };
  }

  private refuse(requestId: string, token: string) {
    if (this.refusal) return { ok: false as const, ...this.refusal };
    if (requestId !== REQUEST_ID)
      return { ok: false as const, status: 404 as const, message: 'No such request.' };
    if (token !== BOB_TOKEN)
      return { ok: false as const, status: 403 as const, message: 'This link is not valid.' };
    return undefined;
  }
}
