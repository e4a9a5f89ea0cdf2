import type { Context } from 'aws-lambda';
import { createLogger, redact, withKeys } from '../../../handlers/logger';

/** The JSON lines Powertools writes to stdout while `act` runs. */
function captureStdout(act: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    act();
  } finally {
    spy.mockRestore();
  }
  return lines
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const context = {
  functionName: 'chatops-worker',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:chatops-worker',
  memoryLimitInMB: '256',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
} as Context;

describe('redact', () => {
  it('replaces secret-looking keys at any depth', () => {
    // Prepare
    const entry = {
      botToken: 'xoxb-1-2',
      nested: { signingSecret: 's3cr3t', headers: { authorization: 'Bearer x' } },
    };
    // Act
    const safe = redact(entry);
    // Assess
    expect(safe).toEqual({
      botToken: '[REDACTED]',
      nested: { signingSecret: '[REDACTED]', headers: { authorization: '[REDACTED]' } },
    });
  });

  it('masks Slack tokens and AWS access key ids inside free text, errors and arrays', () => {
    // Prepare
    const entry = {
      message: 'call failed with xoxb-123456-abcdef for AKIAIOSFODNN7EXAMPLE',
      list: ['xapp-1-A1-2-abc'],
      error: new Error('token xoxp-999-888 rejected'),
    };
    // Act
    const safe = JSON.stringify(redact(entry));
    // Assess
    expect(safe).not.toMatch(/xox[bp]-|xapp-|AKIA/);
    expect(safe).toContain('call failed with [REDACTED] for [REDACTED]');
  });

  it('keeps ordinary values', () => {
    // Act
    const safe = redact({ requestId: 'REQ-5G8H3N7Q', count: 3, ok: true });
    // Assess
    expect(safe).toEqual({ requestId: 'REQ-5G8H3N7Q', count: 3, ok: true });
  });
});

describe('redact: one row per secret shape', () => {
  it.each([
    ['a Slack bot token', 'got xoxb-1234-5678-AbCdEf back', 'got [REDACTED] back'],
    ['a Slack refresh token', 'refresh xoxe-1-My0xLTEyMzQ1Ng-abc done', 'refresh [REDACTED] done'],
    ['a rotating Slack access token', 'use xoxe.xoxp-1-Mi0yLTEyMzQ now', 'use [REDACTED] now'],
    ['a Slack app token', 'app xapp-1-A0-123-abcdef', 'app [REDACTED]'],
    ['a long-term AWS access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'key [REDACTED] used'],
    ['a temporary AWS access key id', 'key ASIAIOSFODNN7EXAMPLE used', 'key [REDACTED] used'],
    [
      'an AWS secret access key',
      'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY end',
      'secret [REDACTED] end',
    ],
    [
      'a Slack response URL',
      'posting to https://hooks.slack.com/actions/T0SANDBOX/123456/AbCdEfGh failed',
      'posting to https://hooks.slack.com/[REDACTED] failed',
    ],
    [
      'a Slack incoming webhook',
      'webhook https://hooks.slack.com/services/T000/B000/XXXXXXXX',
      'webhook https://hooks.slack.com/[REDACTED]',
    ],
    [
      'a ?token= query value',
      'GET /approvals/REQ-5G8H3N7Q?token=abc.def-123',
      'GET /approvals/REQ-5G8H3N7Q?token=[REDACTED]',
    ],
    [
      'an &token= query value',
      'GET /approvals/REQ-5G8H3N7Q?a=1&token=abc.def-123&b=2',
      'GET /approvals/REQ-5G8H3N7Q?a=1&token=[REDACTED]&b=2',
    ],
  ])('masks %s', (_label, text, expected) => {
    // Act
    const safe = redact({ message: text });
    // Assess
    expect(safe).toEqual({ message: expected });
  });

  it.each([
    ['a request id', 'REQ-5G8H3N7Q'],
    ['a 40-character lower-case hex commit id', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
    ['an ordinary sentence', 'Request REQ-5G8H3N7Q is waiting for approval by bob@example.com.'],
  ])('keeps %s', (_label, text) => {
    // Act / Assess
    expect(redact(text)).toBe(text);
  });

  it('redacts response_url and webhook keys whatever their value', () => {
    // Act
    const safe = redact({ response_url: 'https://example.com/r', webhookUrl: 'x', channel: 'C1' });
    // Assess
    expect(safe).toEqual({ response_url: '[REDACTED]', webhookUrl: '[REDACTED]', channel: 'C1' });
  });
});

describe('createLogger correlation', () => {
  it('adds the Lambda context and appended keys to every entry until they are removed', () => {
    // Prepare
    const logger = createLogger('chatops-test', 'INFO');

    // Act
    const entries = captureStdout(() => {
      logger.addContext?.(context);
      logger.appendKeys?.({ turnId: 'Ev0001', botToken: 'xoxb-1-2' });
      logger.info('first');
      logger.removeKeys?.(['turnId']);
      logger.info('second');
    });

    // Assess
    expect(entries[0]).toMatchObject({
      message: 'first',
      turnId: 'Ev0001',
      botToken: '[REDACTED]',
      function_name: 'chatops-worker',
      function_request_id: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
    });
    expect(entries[1]).not.toHaveProperty('turnId');
    expect(JSON.stringify(entries)).not.toContain('xoxb-1-2');
  });

  it('gives a child its own keys without changing the parent', () => {
    // Prepare
    const logger = createLogger('chatops-test', 'INFO');

    // Act
    const entries = captureStdout(() => {
      const turn = withKeys(logger, { turnId: 'Ev0002' });
      turn.appendKeys?.({ requestId: 'REQ-5G8H3N7Q' });
      turn.info('in the turn');
      logger.info('outside');
    });

    // Assess
    expect(entries[0]).toMatchObject({ message: 'in the turn', turnId: 'Ev0002', requestId: 'REQ-5G8H3N7Q' });
    expect(entries[1]).not.toHaveProperty('turnId');
    expect(entries[1]).not.toHaveProperty('requestId');
  });
});
