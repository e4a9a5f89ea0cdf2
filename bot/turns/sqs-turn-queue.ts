/**
 * The SQS turn queue between the ingress and worker Lambdas (`TURN_QUEUE_URL`), and the worker's
 * way to put a rate-limited turn back for later without it counting as a failed receive.
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { TurnQueue } from './dispatcher';
import { serializeTurn, type Turn } from './turn';

/** Sends each turn as one SQS message (JSON body, `kind` attribute). */
export class SqsTurnQueue implements TurnQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(turn: Turn): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: serializeTurn(turn),
        MessageAttributes: { kind: { DataType: 'String', StringValue: turn.kind } },
      }),
    );
  }
}

/** SQS's largest per-message delay (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html). */
export const MAX_DELAY_SECONDS = 900;

/** Puts a queued turn back with a delay. */
export interface TurnRequeue {
  requeue(record: SQSRecord, delaySeconds: number): Promise<void>;
}

/** `https://sqs.<region>.amazonaws.com/<account>/<name>` for `arn:aws:sqs:<region>:<account>:<name>`. */
export function queueUrlFromArn(arn: string): string {
  const [, partition, , region, account, name] = arn.split(':');
  if (!partition || !region || !account || !name) throw new Error(`Not an SQS queue ARN: ${arn}`);
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
}

/**
 * Re-enqueues the record's body as a new message with `DelaySeconds`. A new message starts with a
 * receive count of 0, whereas redelivery (a batch item failure, or a `ChangeMessageVisibility`
 * on the same message) counts each receive towards the redrive policy's `maxReceiveCount`
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html),
 * so deferring a burst that way could push turns into the dead-letter queue.
 */
export class SqsTurnRequeue implements TurnRequeue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl?: string,
  ) {}

  async requeue(record: SQSRecord, delaySeconds: number): Promise<void> {
    const attributes = record.messageAttributes?.kind?.stringValue;
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl || queueUrlFromArn(record.eventSourceARN),
        MessageBody: record.body,
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(delaySeconds))),
        ...(attributes
          ? { MessageAttributes: { kind: { DataType: 'String', StringValue: attributes } } }
          : {}),
      }),
    );
  }
}
