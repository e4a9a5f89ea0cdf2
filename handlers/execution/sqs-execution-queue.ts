/**
 * The execution hand-off on Amazon SQS: an approved request becomes one message
 * `{"requestId":"REQ-…"}` on the queue `EXECUTION_QUEUE_URL`, drained by
 * ./execution-worker.lambda.ts. The body carries only the id: the worker re-reads the request
 * from the ledger (never trusting the message) and re-checks its digest. SendMessage errors are
 * retried by the SDK's standard retry strategy, then thrown
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).
 */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { ChatOpsRequest } from '../ledger/request';
import type { ExecutionHandOff } from './execution-handoff.port';

export const executionMessageSchema = z.object({ requestId: z.string().regex(/^REQ-[0-9A-Z]{8}$/) }).strict();

export class SqsExecutionQueue implements ExecutionHandOff {
  constructor(private readonly options: { client: SQSClient; queueUrl: string }) {}

  async handOff(request: ChatOpsRequest): Promise<void> {
    await this.options.client.send(
      new SendMessageCommand({
        QueueUrl: this.options.queueUrl,
        MessageBody: JSON.stringify({ requestId: request.id }),
      }),
    );
  }
}
