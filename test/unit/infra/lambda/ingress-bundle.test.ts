/**
 * The ingress bundle, built with the stack's esbuild settings (packages the Lambda path never runs
 * replaced by infra/lambda/unloaded-module.js), still answers signed Slack requests in a fresh Node
 * process, against loopback stand-ins for DynamoDB, SQS and Slack.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signSlackRequest } from '../../../../local/slack-emulator/signer';
import { bundleEntry, coldRun, startStandIn } from '../../../bench/lambda.bench';
import { baseEnv, coldStartCases } from '../../../bench/lambda-events';

let dir: string;
let bundle: string;
let standIn: { url: string; server: Server };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chatops-ingress-bundle-'));
  bundle = await bundleEntry('bot/lambda/ingress.lambda.ts', join(dir, 'index.js'));
  standIn = await startStandIn();
});

afterAll(() => {
  standIn.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingress bundle', () => {
  it('stays under 1 MB', () => {
    // Assess
    expect(statSync(bundle).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it('answers a signed url_verification with the challenge', async () => {
    // Prepare
    const make = coldStartCases().Ingress;
    if (!make) throw new Error('no ingress case');
    const c = make();

    // Act
    const run = await coldRun(bundle, c.event, baseEnv(standIn.url), false);

    // Assess
    expect(run.error).toBeUndefined();
    expect(c.answered(run.result)).toBe(true);
  });

  it('acknowledges a signed DM (de-dup write and queue send go to the stand-in)', async () => {
    // Prepare
    const event = JSON.parse(
      readFileSync(join(__dirname, '../../../fixtures/slack/apigw-event-message-im.json'), 'utf8'),
    );
    const env = baseEnv(standIn.url);
    const signature = signSlackRequest(event.body, env.SLACK_SIGNING_SECRET as string);
    event.headers['X-Slack-Request-Timestamp'] = signature['x-slack-request-timestamp'];
    event.headers['X-Slack-Signature'] = signature['x-slack-signature'];
    event.multiValueHeaders = {};

    // Act
    const run = await coldRun(bundle, event, env, false);

    // Assess
    expect(run.error).toBeUndefined();
    expect(run.result).toEqual(expect.objectContaining({ statusCode: 200 }));
  });

  it('rejects a request with a bad signature', async () => {
    // Prepare
    const make = coldStartCases().Ingress;
    if (!make) throw new Error('no ingress case');
    const { event } = make() as { event: { headers: Record<string, string> } };
    event.headers['X-Slack-Signature'] = `v0=${'0'.repeat(64)}`;

    // Act
    const run = await coldRun(bundle, event, baseEnv(standIn.url), false);

    // Assess
    expect(run.result).toEqual(expect.objectContaining({ statusCode: 401 }));
  });
});
