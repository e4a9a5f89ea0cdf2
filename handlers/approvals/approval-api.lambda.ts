/**
 * Lambda entry of the approval API (DESIGN §5): API Gateway (REST, proxy) → the approval API handler
 * (./approval-api.ts) over the approval desk. Deps are built once per container from the approval
 * core's factory (./approval-lambda-deps.ts; env `TABLE_NAME`, `APPROVAL_KEY_SECRET_ID`,
 * `EXECUTION_QUEUE_URL`). The CSRF key is derived from the approval token keys in the same secret
 * (./page/csrf.ts), so no second secret is deployed and a key rotation keeps open pages valid.
 * The approvers' message and the requester's thread are updated through the chat outbox
 * (`CHAT_QUEUE_URL`, ../notify/outbox-chat-notifier.ts): a missing variable fails the cold start.
 */
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logger';
import { chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { type ApprovalApiHandler, createApprovalApi } from './approval-api';
import { approvalDeskFromEnv, approvalEnv, ledgerFromEnv } from './approval-lambda-deps';
import { deriveCsrfKey } from './page/csrf';
import { SecretsApprovalKeys } from './secrets-approval-keys';

function build(env: NodeJS.ProcessEnv = process.env): ApprovalApiHandler {
  const config = loadConfig(env);
  const logger = createLogger('chatops-approval-api');
  const checked = approvalEnv(env, ['APPROVAL_KEY_SECRET_ID', 'EXECUTION_QUEUE_URL']);
  const chat = chatOutboxFromEnv(env);
  const ledger = ledgerFromEnv(checked, config);
  const desk = approvalDeskFromEnv(env, { config, ledger, chat, logger });
  const keys = new SecretsApprovalKeys({
    client: new SecretsManagerClient({}),
    secretId: checked.APPROVAL_KEY_SECRET_ID ?? '',
  });
  return createApprovalApi({
    desk,
    logger,
    csrfKey: async () => {
      const { current, previous } = await keys.keys();
      return { current: deriveCsrfKey(current), ...(previous ? { previous: deriveCsrfKey(previous) } : {}) };
    },
  });
}

let api: ApprovalApiHandler | undefined;

/** API Gateway proxy handler for `GET|HEAD|POST /approvals/{id}`. */
export async function handler(event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> {
  api ??= build();
  return api(event, context);
}
