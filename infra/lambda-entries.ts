/**
 * Every Lambda entry of the system, declared once: what it is, how it is triggered and what it may
 * touch. The stack wires each entry whose file exists (entries land branch by branch); adding a
 * function is one item here. test/unit/infra/lambda-entries.test.ts fails when a `*.lambda.ts`
 * in the repository is not listed, so nothing ships unwired.
 *
 * `access` is both the grant and the environment: each kind adds least-privilege statements and
 * the names / ARNs the function reads (infra/access.ts), never a secret value.
 */
import type { AwsCaller } from '../handlers/capability';

/** What a function may touch (see infra/access.ts for the statements and environment of each). */
export type Access =
  /** Read and write the request ledger (`TABLE_NAME`). */
  | 'ledger'
  /** Send turns to the worker queue (`TURN_QUEUE_URL`). */
  | 'turnQueue'
  /** Send approved requests to the execution queue (`EXECUTION_QUEUE_URL`). */
  | 'executionQueue'
  /** Queue Slack notices on the chat outbox (`CHAT_QUEUE_URL`), posted by the ChatOutbox entry. */
  | 'chatOutbox'
  /** Read the Slack app secret: signing secret and bot token (`SLACK_SECRET_ARN`). */
  | 'slackSecret'
  /** Read the key that signs the Slack identity in Lex request attributes (`IDENTITY_KEY_SECRET_ID`). */
  | 'identityKey'
  /** Read the approval-token HMAC keys `{"current","previous"}` (`APPROVAL_KEY_SECRET_ID`, the ARN). */
  | 'approvalKey'
  /** Build approval links: the approval API's public base URL `https://…/approvals` (`APPROVALS_URL`). */
  | 'approvalLinks'
  /** Publish approval emails (`APPROVAL_TOPIC_ARN`). */
  | 'approvalTopic'
  /** `lex:RecognizeText` on the bot alias (`LEX_BOT_ID`, `LEX_BOT_ALIAS_ID`, `LEX_LOCALE_ID`). */
  | 'lexRecognize'
  /** Organizations look-ups: OUs and accounts. */
  | 'organizationsRead'
  /** Service Catalog: find the Account Factory product and provision it. */
  | 'accountVending'
  /** Service Catalog records and Organizations accounts after a lifecycle event. */
  | 'accountLifecycle'
  /** IAM users under the configured path: read. */
  | 'iamUsersRead'
  /** IAM access keys under the configured path and their Secrets Manager secrets: rotate. */
  | 'keyRotation'
  /** CodePipeline state of the configured pipelines: read. */
  | 'pipelinesRead'
  /** CodePipeline writes on the configured pipelines: approve / reject a manual approval, retry a stage. */
  | 'pipelineActions';

export type Trigger =
  /** The Lex bot alias's code hook. */
  | { readonly kind: 'lexCodeHook' }
  /** `POST /slack/events` on the Slack API. */
  | { readonly kind: 'slackEvents' }
  /** The turn queue (SQS event source, partial batch responses). */
  | { readonly kind: 'turnQueue' }
  /** The execution queue (approved requests; SQS event source, partial batch responses). */
  | { readonly kind: 'executionQueue' }
  /** The chat outbox (queued Slack notices; SQS event source, partial batch responses). */
  | { readonly kind: 'chatQueue' }
  /** `GET` / `POST /approvals/{id}` on the approval API. */
  | { readonly kind: 'approvalApi' }
  /** An EventBridge schedule, `rate(<minutes> minutes)`. */
  | { readonly kind: 'schedule'; readonly everyMinutes: number }
  /** An EventBridge rule (infra/constructs/event-rules.ts names the patterns). */
  | { readonly kind: 'event'; readonly pattern: 'controlTowerLifecycle' | 'codePipelineExecution' };

export interface LambdaEntry {
  /** Construct id, PascalCase, unique. */
  readonly id: string;
  /** Entry file, relative to the repository root; exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly trigger: Trigger;
  readonly access: readonly Access[];
  readonly timeoutSeconds: number;
  readonly memorySize?: number;
  /**
   * Caps concurrency where a downstream quota needs it. For an SQS-triggered entry the event
   * source's maximum concurrency is set to the same value (at least 2), so SQS never invokes
   * beyond it and no message is throttled towards the dead-letter queue.
   */
  readonly reservedConcurrency?: number;
  /**
   * Which calls of the enabled extensions' capabilities this function makes (their declared
   * `awsNeeds`, handlers/capability.ts): granted exactly those, by infra/declared-grants.ts.
   */
  readonly declaredNeeds?: AwsCaller;
  /**
   * `--enable-source-maps` at run time (default true): readable stack traces, but Node parses the
   * source map at load (measured on the ingress bundle: about +130 ms, +20%, per cold start).
   */
  readonly sourceMapsAtRuntime?: boolean;
}

/** What the code hook's composition (handlers/fulfillment.lambda.ts buildDeps) reads and sends. */
const CODE_HOOK_ACCESS: readonly Access[] = [
  'ledger',
  'identityKey',
  // approvalNotifierFromEnv signs a personal link per approver and publishes it by SNS.
  'approvalTopic',
  'approvalKey',
  'approvalLinks',
  // `never`-policy write requests are handed to the execution worker.
  'executionQueue',
  // The approvers' channel message and the capabilities' notices.
  'chatOutbox',
];

export const LAMBDA_ENTRIES: readonly LambdaEntry[] = [
  {
    id: 'Fulfillment',
    declaredNeeds: 'codeHook',
    entry: 'handlers/fulfillment.lambda.ts',
    description: 'Lex V2 code hook: dialog validation and fulfillment (router)',
    trigger: { kind: 'lexCodeHook' },
    // Slot checks and read-only intents look up Organizations (OUs, accounts), IAM users and
    // CodePipeline for real (handlers/aws-capability-deps.ts).
    access: [...CODE_HOOK_ACCESS, 'organizationsRead', 'iamUsersRead', 'pipelinesRead'],
    timeoutSeconds: 10,
  },
  {
    id: 'Ingress',
    entry: 'bot/lambda/ingress.lambda.ts',
    description: 'Slack events, interactivity and commands: verify, acknowledge, de-duplicate, queue',
    trigger: { kind: 'slackEvents' },
    access: ['ledger', 'turnQueue', 'slackSecret'],
    timeoutSeconds: 10,
    // Slack waits 3 s for the acknowledgement: its cold start goes first. The .map ships alongside.
    sourceMapsAtRuntime: false,
  },
  {
    id: 'Worker',
    entry: 'bot/lambda/worker.lambda.ts',
    description: 'Queued Slack turns: Lex RecognizeText and the reply in Slack',
    trigger: { kind: 'turnQueue' },
    // turnQueue: a rate-limited turn is re-enqueued with a delay (SqsTurnRequeue). approvalKey +
    // executionQueue: the Approve / Reject buttons decide through the approval desk and hand an
    // approved request to the execution worker (bot/lambda/worker.lambda.ts).
    access: [
      'ledger',
      'turnQueue',
      'slackSecret',
      'identityKey',
      'lexRecognize',
      'approvalKey',
      'executionQueue',
    ],
    timeoutSeconds: 30,
  },
  {
    id: 'ChatOutbox',
    entry: 'bot/lambda/chat-outbox.lambda.ts',
    description: 'Queued Slack notices of the core functions: post, update or DM, then record where',
    trigger: { kind: 'chatQueue' },
    // ledger: recordAs (where an approvers' message landed); slackSecret: the bot token.
    access: ['ledger', 'slackSecret'],
    // Up to 5 notices per batch, each with the WebClient's bounded 429 / network retries.
    timeoutSeconds: 60,
  },
  {
    id: 'ReceivedSweeper',
    entry: 'handlers/ledger/received-sweeper.lambda.ts',
    description: 'Scheduled sweep: resumes requests left in RECEIVED (a worker that died mid-turn)',
    trigger: { kind: 'schedule', everyMinutes: 5 },
    // Resuming runs the code hook's follow-up (its composition): notify approvers or hand off.
    access: CODE_HOOK_ACCESS,
    timeoutSeconds: 60,
  },
  {
    id: 'ApprovalApi',
    entry: 'handlers/approvals/approval-api.lambda.ts',
    description: 'Approval pages: GET shows the request, POST decides (HMAC token, CSRF)',
    trigger: { kind: 'approvalApi' },
    // approvalDeskFromEnv: tokens (and the CSRF key derived from them) from the approval key, the
    // hand-off of approved requests to the execution queue, the approvers' message and the
    // requester's thread through the chat outbox. No approvalLinks: its pages link relatively
    // (handlers/approvals/page/approval-page.ts).
    access: ['ledger', 'approvalKey', 'executionQueue', 'chatOutbox'],
    timeoutSeconds: 10,
  },
  {
    id: 'ExpirySweeper',
    entry: 'handlers/approvals/expiry-sweeper.lambda.ts',
    description: 'Scheduled sweep: moves overdue PENDING_APPROVAL requests to EXPIRED',
    trigger: { kind: 'schedule', everyMinutes: 5 },
    access: ['ledger', 'chatOutbox'],
    timeoutSeconds: 60,
  },
  {
    id: 'ExecutionWorker',
    declaredNeeds: 'executor',
    entry: 'handlers/execution/execution-worker.lambda.ts',
    description: 'Approved requests from the execution queue: re-check, then run the capability executor',
    trigger: { kind: 'executionQueue' },
    // Every capability's executor on real AWS (handlers/aws-capability-deps.ts): the Account
    // Factory launch, key rotation, pipeline approvals and stage retries.
    access: [
      'ledger',
      'chatOutbox',
      'accountVending',
      'organizationsRead',
      'keyRotation',
      'pipelinesRead',
      'pipelineActions',
    ],
    timeoutSeconds: 60,
    // The Account Factory launch counts the provisionings in progress before it starts one
    // (handlers/account-vending/account-provisioning.ts, quota accountFactory.maxConcurrentProvisions):
    // two deciders at most keep that count close to Control Tower's concurrent-operation limit.
    reservedConcurrency: 2,
  },
  {
    id: 'KeySweeper',
    declaredNeeds: 'sweeper',
    entry: 'handlers/key-rotation/sweeper.lambda.ts',
    description: 'Scheduled sweep: deactivates and deletes retired access keys on schedule, reminds owners',
    trigger: { kind: 'schedule', everyMinutes: 60 },
    access: ['ledger', 'keyRotation', 'chatOutbox'],
    timeoutSeconds: 120,
  },
  {
    id: 'GroupExpiry',
    // Its Identity Store calls are the worked example's declared `groupExpiry` needs (none while off).
    declaredNeeds: 'groupExpiry',
    entry: 'handlers/group-access/expiry.lambda.ts',
    description:
      "Scheduled sweep: removes the worked example's Identity Center group memberships whose time is up",
    trigger: { kind: 'schedule', everyMinutes: 15 },
    // ledger: the SUCCEEDED requests and the audited NOTE; chatOutbox: the requester's DM.
    access: ['ledger', 'chatOutbox'],
    timeoutSeconds: 120,
  },
  {
    id: 'AccountLifecycle',
    entry: 'handlers/account-vending/lifecycle.lambda.ts',
    description:
      'Control Tower lifecycle events: completes the VendAccount request, starts the next queued one',
    trigger: { kind: 'event', pattern: 'controlTowerLifecycle' },
    // accountVending: a freed slot starts the next QUEUED request (ProvisionProduct).
    access: ['ledger', 'accountLifecycle', 'accountVending', 'chatOutbox'],
    timeoutSeconds: 60,
    // Starts queued provisionings: one at a time (throttled events are retried by Lambda).
    reservedConcurrency: 1,
  },
  {
    id: 'ProvisioningPoller',
    entry: 'handlers/account-vending/provisioning-poller.lambda.ts',
    description: 'Scheduled DescribeRecord fallback for lost lifecycle events; drains the quota queue',
    trigger: { kind: 'schedule', everyMinutes: 5 },
    access: ['ledger', 'accountLifecycle', 'accountVending', 'chatOutbox'],
    timeoutSeconds: 120,
    reservedConcurrency: 1,
  },
  {
    id: 'PipelineNotifications',
    entry: 'handlers/pipeline-status/notifications.lambda.ts',
    description: "CodePipeline execution events: one message per event in the pipeline's channel",
    trigger: { kind: 'event', pattern: 'codePipelineExecution' },
    // ledger: the per-event de-dup marker; pipelinesRead: the failing action's summary.
    access: ['ledger', 'pipelinesRead', 'chatOutbox'],
    timeoutSeconds: 30,
  },
];
