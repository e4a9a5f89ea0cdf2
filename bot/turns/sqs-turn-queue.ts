/** The SQS turn queue between the ingress and worker Lambdas (`TURN_QUEUE_URL`). */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
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
