/**
 * The AWS composition of account vending for the Lambda entries (code hook, lifecycle handler,
 * poller): the Organizations and Service Catalog adapters on SDK v3 clients, created once per
 * container. Env: `TABLE_NAME` (the ledger), `CHAT_QUEUE_URL` (the chat outbox: the Slack
 * notifier lives in bot/, which handlers/ may not import, so notices are queued for it).
 */

import { OrganizationsClient } from '@aws-sdk/client-organizations';
import * as z from 'zod';
import type { ChatOpsConfig } from '../config/config.schema';
import { parseEnv, requiredVar } from '../config/env';
import { dynamoLedgerOn } from '../ledger/dynamo-ledger-client';
import type { Ledger } from '../ledger/ledger.port';
import type { Logger } from '../logger';
import type { ChatNotifier } from '../notify/chat-notifier.port';
import { chatOutboxFromEnv } from '../notify/outbox-chat-notifier';
import { AccountProvisioning } from './account-provisioning';
import { OrganizationsDirectory } from './organizations-directory';
import { SDK_MAX_ATTEMPTS, ServiceCatalogAccountFactory } from './service-catalog-account-factory';

export const vendingEnvSchema = z.object({ TABLE_NAME: requiredVar() });

export interface VendingAws {
  ledger: Ledger;
  organization: OrganizationsDirectory;
  factory: ServiceCatalogAccountFactory;
  provisioning: AccountProvisioning;
}

/**
 * Builds the AWS vending parts from the environment and config.
 * @throws ConfigError naming `TABLE_NAME` or `CHAT_QUEUE_URL` (when `chat` is not given) if unset
 */
export function vendingFromEnv(
  env: NodeJS.ProcessEnv,
  config: ChatOpsConfig,
  logger: Logger,
  ledger?: Ledger,
  chat?: ChatNotifier,
): VendingAws {
  const { TABLE_NAME } = parseEnv(vendingEnvSchema, env);
  const store = ledger ?? dynamoLedgerOn(TABLE_NAME, config.ledger.retentionDays);
  const organization = new OrganizationsDirectory({
    client: new OrganizationsClient({ maxAttempts: SDK_MAX_ATTEMPTS, retryMode: 'standard' }),
  });
  const factory = new ServiceCatalogAccountFactory({ productName: config.accountFactory.productName });
  const provisioning = new AccountProvisioning({
    ledger: store,
    factory,
    notifier: chat ?? chatOutboxFromEnv(env),
    config,
    logger,
  });
  return { ledger: store, organization, factory, provisioning };
}
