/** Turn builders and a wired runner for unit tests. */

import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { createTurnRunner } from '../../../../bot/turns/create-turn-runner';
import type { ClickedMessage, CommandTurn, HomeTurn, UtteranceTurn } from '../../../../bot/turns/turn';
import type { ApprovalActionHandler } from '../../../../handlers/approvals/approval-decisions.port';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import { MemoryLedger } from '../../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../../handlers/logger';
import { testIdentityKeys } from '../../../kit/identity';
import { RecordingSlack } from './recording-slack';

export const config = parseConfig(localConfig);

/** Alice's click on the Sandbox button of an AccountType question, as the runner receives it. */
export function sandboxClick(): ClickedMessage {
  return {
    channelId: 'DALICE0001',
    messageTs: '1700000001.000001',
    isEphemeral: false,
    outcome: '<@UALICE0001> chose *Sandbox*',
    keptBlocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Sandbox or Production?' } }],
    text: 'Sandbox or Production?',
  };
}

export function utteranceTurn(overrides: Partial<UtteranceTurn> = {}): UtteranceTurn {
  return {
    kind: 'utterance',
    source: 'message',
    id: 'evt:Ev0001',
    teamId: 'T0SANDBOX',
    userId: 'UALICE0001',
    channelId: 'DALICE0001',
    receivedAt: '2024-01-01T00:00:00.000Z',
    text: 'I need a new AWS account',
    ...overrides,
  };
}

export function commandTurn(overrides: Partial<CommandTurn> = {}): CommandTurn {
  return {
    kind: 'command',
    command: 'mine',
    argument: '',
    id: 'cmd:1700000003.1.abc',
    teamId: 'T0SANDBOX',
    userId: 'UALICE0001',
    channelId: 'DALICE0001',
    receivedAt: '2024-01-01T00:00:00.000Z',
    responseUrl: 'https://hooks.slack.com/commands/T0SANDBOX/1/abc',
    ...overrides,
  };
}

export function homeTurn(userId = 'UALICE0001'): HomeTurn {
  return {
    kind: 'home',
    id: 'evt:EvHome',
    teamId: 'T0SANDBOX',
    userId,
    channelId: `D${userId.slice(1)}`,
    receivedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** A runner on a recording Slack, an in-memory ledger and a (mockable) Lex client. */
export function wiredRunner(
  options: {
    turnsPerMinute?: number;
    approvals?: ApprovalActionHandler;
    now?: () => number;
    ledger?: MemoryLedger;
    homeRefreshDelayMs?: number;
    config?: ReturnType<typeof parseConfig>;
  } = {},
) {
  const slack = new RecordingSlack();
  const ledger = options.ledger ?? new MemoryLedger();
  const lexClient = new LexRuntimeV2Client({ region: 'us-east-1' });
  const runner = createTurnRunner({
    slack,
    ledger,
    config: options.config ?? config,
    logger: silentLogger,
    identityKeys: testIdentityKeys,
    lex: { client: lexClient, botId: 'CHATOPSBOT', botAliasId: 'TSTALIASID', localeId: 'en_US' },
    ...(options.turnsPerMinute ? { rateLimit: { turnsPerMinute: options.turnsPerMinute } } : {}),
    ...(options.approvals ? { approvals: options.approvals } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.homeRefreshDelayMs ? { homeRefreshDelayMs: options.homeRefreshDelayMs } : {}),
  });
  return { slack, ledger, runner, lexClient };
}
