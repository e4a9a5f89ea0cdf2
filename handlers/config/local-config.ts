/** The offline default: the sandbox Slack team `T0SANDBOX` (DESIGN §4). */
import type { ChatOpsConfigInput } from './config.schema';

export const SANDBOX_TEAM_ID = 'T0SANDBOX';

export const localConfig: ChatOpsConfigInput = {
  slack: { teamId: SANDBOX_TEAM_ID, approversChannel: 'C0APPROVALS' },
  users: [
    { slackUserId: 'UALICE0001', roles: ['requester'], iamUser: 'alice', email: 'alice@example.com' },
    {
      slackUserId: 'UBOB00001',
      roles: ['requester', 'approver'],
      iamUser: 'bob',
      email: 'bob@example.com',
    },
    { slackUserId: 'UCAROL0001', roles: ['admin', 'approver'], email: 'carol@example.com' },
  ],
  approvers: {
    emails: ['bob@example.com', 'carol@example.com'],
    slackUserIds: ['UBOB00001', 'UCAROL0001'],
    ttlHours: 24,
  },
  pipelines: { channels: { 'web-app': 'C0DEPLOYS', 'payments-api': 'C0DEPLOYS' } },
};
