/**
 * Everything the code hook needs, created once at the Lambda entry or the local composition root
 * and injected (DESIGN §6 rule 4).
 */
import type { IntentRegistry } from '../intents/registry';
import type { OrganizationDirectory } from './account-vending/organization.port';
import type { ApprovalRequests } from './approvals/approval-requests.port';
import type { ChatOpsConfig } from './config/config.schema';
import type { Executions } from './execution/execution.port';
import type { IamUserDirectory } from './key-rotation/iam-users.port';
import type { Ledger } from './ledger/ledger.port';
import type { Logger } from './logger';
import type { PipelineReader } from './pipeline-status/pipelines.port';

export interface CodeHookDeps {
  catalog: IntentRegistry;
  config: ChatOpsConfig;
  ledger: Ledger;
  approvals: ApprovalRequests;
  executions: Executions;
  organization: OrganizationDirectory;
  iamUsers: IamUserDirectory;
  pipelines: PipelineReader;
  logger: Logger;
  /** Marks replies from simulated AWS (sandbox world) so nobody mistakes them for real ones. */
  sandbox: boolean;
  /** The clock (approval deadlines); default the system clock. */
  now?: () => Date;
}
