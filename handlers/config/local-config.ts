/** The offline default: the sandbox Slack team `T0SANDBOX` (DESIGN §4). */
import type { ChatOpsConfigInput } from './config.schema';

export const SANDBOX_TEAM_ID = 'T0SANDBOX';

export const localConfig: ChatOpsConfigInput = {
  slack: { teamId: SANDBOX_TEAM_ID, approversChannel: 'C0APPROVALS' },
  users: [
    { slackUserId: 'UALICE0001', roles: ['requester'], iamUser: 'alice' },
    { slackUserId: 'UBOB00001', roles: ['requester', 'approver'], iamUser: 'bob' },
    { slackUserId: 'UCAROL0001', roles: ['admin', 'approver'] },
  ],
  approvers: { emails: ['bob@example.com', 'carol@example.com'], ttlHours: 24 },
  pipelines: { channels: { 'web-app': 'C0DEPLOYS', 'payments-api': 'C0DEPLOYS' } },
};
