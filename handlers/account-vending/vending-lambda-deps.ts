/**
 * The AWS composition of account vending for the Lambda entries (code hook, lifecycle handler,
 * poller): the Organizations and Service Catalog adapters on SDK v3 clients, created once per
 * container. Env: `TABLE_NAME` (the ledger). The Slack notifier lives in bot/, which handlers/
 * may not import: until the stack gives these functions a chat hand-off, notices are logged
 * (never their parameters) and the outcome is in the ledger, App Home and "status REQ-…".
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { ChatOpsConfig } from '../config/config.schema';
import { parseEnv, requiredVar } from '../config/env';
import { DynamoLedger } from '../ledger/dynamo-ledger';
import type { Ledger } from '../ledger/ledger.port';
import type { Logger } from '../logger';
import type { ChatNotice, ChatNotifier, PostedMessage } from '../notify/chat-notifier.port';
import { AccountProvisioning } from './account-provisioning';
import { OrganizationsDirectory } from './organizations-directory';
import { SDK_MAX_ATTEMPTS, ServiceCatalogAccountFactory } from './service-catalog-account-factory';

export const vendingEnvSchema = z.object({ TABLE_NAME: requiredVar() });

/** Logs that a notice could not be posted from this function (its text only names ids). */
export class LoggedChatNotifier implements ChatNotifier {
  constructor(private readonly logger: Logger) {}

  private log(where: string, notice: ChatNotice): PostedMessage {
    this.logger.info('chat notice not posted from this function', { where, text: notice.text });
    return { channelId: where, ts: '0' };
  }

  async postToThread(origin: { channelId: string }, notice: ChatNotice): Promise<PostedMessage> {
    return this.log(origin.channelId, notice);
  }

  async postToChannel(channelId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.log(channelId, notice);
  }

  async updateMessage(message: PostedMessage, notice: ChatNotice): Promise<void> {
    this.log(message.channelId, notice);
  }

  async directMessage(slackUserId: string, notice: ChatNotice): Promise<PostedMessage> {
    return this.log(slackUserId, notice);
  }
}

export interface VendingAws {
  ledger: Ledger;
  organization: OrganizationsDirectory;
  factory: ServiceCatalogAccountFactory;
  provisioning: AccountProvisioning;
}

/** Builds the AWS vending parts from the environment and config. */
export function vendingFromEnv(
  env: NodeJS.ProcessEnv,
  config: ChatOpsConfig,
  logger: Logger,
  ledger?: Ledger,
): VendingAws {
  const { TABLE_NAME } = parseEnv(vendingEnvSchema, env);
  const store =
    ledger ??
    new DynamoLedger({
      client: DynamoDBDocumentClient.from(new DynamoDBClient({}), {
        marshallOptions: { removeUndefinedValues: true },
      }),
      tableName: TABLE_NAME,
      retentionDays: config.ledger.retentionDays,
    });
  const organization = new OrganizationsDirectory({
    client: new OrganizationsClient({ maxAttempts: SDK_MAX_ATTEMPTS, retryMode: 'standard' }),
  });
  const factory = new ServiceCatalogAccountFactory({ productName: config.accountFactory.productName });
  const provisioning = new AccountProvisioning({
    ledger: store,
    factory,
    notifier: new LoggedChatNotifier(logger),
    config,
    logger,
  });
  return { ledger: store, organization, factory, provisioning };
}
