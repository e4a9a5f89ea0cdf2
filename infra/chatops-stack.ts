/**
 * One ChatOps stage: the request table, secrets, the Lambda entries of infra/lambda-entries.ts
 * whose files exist, the Lex bot from the catalog, Slack ingress, approvals, EventBridge rules,
 * capabilities and monitoring. Composition only: each construct does one architectural task.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Token } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Construct } from 'constructs';
import { DEFAULT_CAPABILITIES } from '../handlers/capabilities';
import type { ChatOpsExtension } from '../handlers/extension';
import { catalogFor } from '../handlers/extensions';
import { type AccessTargets, applyAccess } from './access';
import { addDeclaredNeedsPolicy } from './capabilities';
import type { DeploymentConfig } from './config/deployment-config';
import { Approvals } from './constructs/approvals';
import { ChatOpsFunction, retentionDays } from './constructs/chatops-function';
import { EventRules } from './constructs/event-rules';
import { LexBot } from './constructs/lex-bot';
import { Monitoring } from './constructs/monitoring';
import { RequestTable } from './constructs/request-table';
import { ChatOpsSecrets } from './constructs/secrets';
import { ProtectedQueue, SlackIngress } from './constructs/slack-ingress';
import { declaredGrants } from './declared-grants';
import { PROJECT_ROOT } from './lambda/bundle-settings';
import { LAMBDA_ENTRIES, type LambdaEntry } from './lambda-entries';

export interface ChatOpsStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /** Default: {@link LAMBDA_ENTRIES}. */
  readonly entries?: readonly LambdaEntry[];
  /**
   * Extensions on top of those config and TEAM_EXTENSIONS turn on (handlers/extensions.ts), for
   * synthesizing one that is not registered yet (the framework's throw-away test).
   */
  readonly extensions?: readonly ChatOpsExtension[];
}

export class ChatOpsStack extends Stack {
  readonly functions = new Map<string, ChatOpsFunction>();
  readonly table: RequestTable;
  readonly bot?: LexBot;
  readonly slack?: SlackIngress;
  readonly approvals: Approvals;
  /** The chat outbox (queued Slack notices of the core functions), once its consumer exists. */
  readonly chatQueue?: ProtectedQueue;

  constructor(scope: Construct, id: string, props: ChatOpsStackProps) {
    super(scope, id, props);
    const { config } = props;
    const protect = config.stage === 'prod';
    const removalPolicy = protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logRetention = retentionDays(config.logRetentionDays);
    const api = { ...config.api, logRetention, removalPolicy };

    this.table = new RequestTable(this, 'Requests', { protect });
    const secrets = new ChatOpsSecrets(this, 'Secrets', { stage: config.stage, protect });
    this.approvals = new Approvals(this, 'Approvals', {
      approverEmails: config.chatops.approvers.emails,
      ...api,
    });
    const monitoring = new Monitoring(this, 'Monitoring', {
      dashboardName: `ChatOps-${config.stage}`,
      operationsEmails: config.operationsEmails,
    });
    const rules = new EventRules(this, 'Events', { pipelines: config.pipelines });

    const entries = (props.entries ?? LAMBDA_ENTRIES).filter((e) => {
      const present = existsSync(join(PROJECT_ROOT, e.entry));
      if (!present) Annotations.of(this).addInfo(`${e.entry} does not exist yet: ${e.id} is not deployed`);
      return present;
    });
    for (const entry of entries) {
      const fn = new ChatOpsFunction(this, entry.id, {
        entry: entry.entry,
        description: `ChatOps ${config.stage}: ${entry.description}`,
        timeout: Duration.seconds(entry.timeoutSeconds),
        ...(entry.memorySize ? { memorySize: entry.memorySize } : {}),
        ...(entry.reservedConcurrency ? { reservedConcurrentExecutions: entry.reservedConcurrency } : {}),
        ...(entry.sourceMapsAtRuntime === false ? { sourceMapsAtRuntime: false } : {}),
        logRetention,
        removalPolicy,
        environment: {
          CHATOPS_STAGE: config.stage,
          // The validated runtime config (no secrets in it: config.schema.ts).
          CHATOPS_CONFIG: JSON.stringify(config.chatops),
          TURNS_PER_MINUTE: String(config.turnsPerMinute),
        },
      });
      this.functions.set(entry.id, fn);
      monitoring.watchFunction(fn);
    }
    const byTrigger = (kind: LambdaEntry['trigger']['kind']) =>
      entries.filter((e) => e.trigger.kind === kind).map((e) => this.mustGet(e.id));

    const [fulfillment] = byTrigger('lexCodeHook');
    if (fulfillment) {
      this.bot = new LexBot(this, 'Lex', {
        botName: `ChatOps-${config.stage}`,
        fulfillment: fulfillment.function,
        // The intents config enables: the built-ins and any extension switched on.
        catalog: catalogFor(config.chatops, props.extensions),
      });
    }
    const [worker] = byTrigger('turnQueue');
    if (worker) {
      const workerEntry = entries.find((e) => e.trigger.kind === 'turnQueue');
      this.slack = new SlackIngress(this, 'Slack', {
        worker,
        workerTimeout: Duration.seconds(workerEntry?.timeoutSeconds ?? 30),
        ...api,
      });
      monitoring.watchDeadLetters('Turns', this.slack.turns.deadLetterQueue);
      for (const ingress of byTrigger('slackEvents')) this.slack.routeTo(ingress);
      monitoring.watchIngressLatency(this.slack.api.api);
      new CfnOutput(this, 'SlackEventsUrl', {
        description: 'Slack app: Event Subscriptions, Interactivity and Slash Commands request URL',
        value: this.slack.requestUrl,
      });
    }
    // One approved request per invocation; Slack notices five at a time, posted in order.
    const executions = this.consumedQueue(entries, 'executionQueue', 'Executions', 1, monitoring);
    this.chatQueue = this.consumedQueue(entries, 'chatQueue', 'ChatNotices', 5, monitoring);
    for (const handler of byTrigger('approvalApi')) this.approvals.routeTo(handler);
    if (this.approvals.api) {
      monitoring.watchApprovalApi(this.approvals.api.api);
      new CfnOutput(this, 'ApprovalBaseUrl', {
        description: 'Base of the approval links in the emails (APPROVALS_URL of the fulfillment function)',
        value: this.approvals.baseUrl ?? '',
      });
    }
    for (const entry of entries) {
      const fn = this.mustGet(entry.id);
      if (entry.trigger.kind === 'schedule') rules.schedule(fn, entry.trigger.everyMinutes);
      if (entry.trigger.kind === 'event') rules.on(fn, entry.trigger.pattern);
    }

    const targets: AccessTargets = {
      table: this.table,
      ...(this.slack ? { turnQueue: this.slack.turns.queue } : {}),
      ...(executions ? { executionQueue: executions.queue } : {}),
      ...(this.chatQueue ? { chatQueue: this.chatQueue.queue } : {}),
      slackSecret: secrets.slack,
      identityKey: secrets.identityKey,
      approvalKey: secrets.approvalKey,
      approvalTopic: { topic: this.approvals.topic, key: this.approvals.key },
      ...(this.bot ? { bot: this.bot } : {}),
      ...(this.approvals.baseUrl ? { approvalsUrl: this.approvals.baseUrl } : {}),
      capabilities: { ...config.keyRotation, pipelines: config.pipelines },
    };
    for (const entry of entries) {
      for (const access of entry.access) applyAccess(this.mustGet(entry.id), access, targets);
    }
    // Extensions' declared AWS needs, granted exactly to the function that makes the calls.
    const builtIn = new Set(DEFAULT_CAPABILITIES.map((c) => c.intent));
    const nagScope = {
      partition: '<AWS::Partition>',
      region: Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region,
      account: Token.isUnresolved(this.account) ? '<AWS::AccountId>' : this.account,
    };
    for (const entry of entries) {
      if (!entry.declaredNeeds) continue;
      const scope = { partition: this.partition, region: this.region, account: this.account };
      const extra = props.extensions ?? [];
      const grants = declaredGrants(config.chatops, entry.declaredNeeds, scope, extra, builtIn);
      const shown = declaredGrants(config.chatops, entry.declaredNeeds, nagScope, extra, builtIn);
      addDeclaredNeedsPolicy(
        this.mustGet(entry.id),
        grants,
        shown.map((g) => g.statement.Resource),
      );
    }
    // Roles Service Catalog must be told about (Account Factory portfolio → Access): README.
    for (const entry of entries.filter((e) => e.access.includes('accountVending'))) {
      new CfnOutput(this, `${entry.id}RoleArn`, {
        description: 'Grant this role access to the AWS Control Tower Account Factory portfolio',
        value: this.mustGet(entry.id).role.roleArn,
      });
    }
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'SlackSecretName', { value: secrets.slack.secretName });
    new CfnOutput(this, 'ApprovalTopicArn', { value: this.approvals.topic.topicArn });
    new CfnOutput(this, 'OperationsTopicArn', { value: monitoring.topic.topicArn });
    if (this.bot) {
      new CfnOutput(this, 'LexBotId', { value: this.bot.bot.attrId });
      new CfnOutput(this, 'LexBotAliasId', { value: this.bot.alias.attrBotAliasId });
    }
  }

  /**
   * The queue `id` (SSE, TLS only, dead-letter queue watched by an alarm) drained by the entry with
   * trigger `kind`, with partial batch responses; undefined when no entry has that trigger. An
   * entry with reserved concurrency gets the same event-source maximum concurrency, so SQS never
   * invokes it beyond that (a throttled message would count a receive towards the DLQ).
   */
  private consumedQueue(
    entries: readonly LambdaEntry[],
    kind: 'executionQueue' | 'chatQueue',
    id: string,
    batchSize: number,
    monitoring: Monitoring,
  ): ProtectedQueue | undefined {
    const entry = entries.find((e) => e.trigger.kind === kind);
    if (!entry) return undefined;
    const queue = new ProtectedQueue(this, id, { consumerTimeout: Duration.seconds(entry.timeoutSeconds) });
    const maxConcurrency = entry.reservedConcurrency ? Math.max(2, entry.reservedConcurrency) : undefined;
    this.mustGet(entry.id).function.addEventSource(
      new SqsEventSource(queue.queue, {
        batchSize,
        reportBatchItemFailures: true,
        ...(maxConcurrency ? { maxConcurrency } : {}),
      }),
    );
    monitoring.watchDeadLetters(id, queue.deadLetterQueue);
    return queue;
  }

  private mustGet(id: string): ChatOpsFunction {
    const fn = this.functions.get(id);
    if (!fn) throw new Error(`no function ${id}`);
    return fn;
  }
}
