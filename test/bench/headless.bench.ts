/**
 * Headless section of `npm run bench` (`--only headless`): the paced load of issue 10 against the
 * project exactly as a new user starts it — `npm start -- --headless` (DynamoDB Local, the local
 * Lex runtime, the Slack app: every default), its Web API calls pointed at a Slack emulator here —
 * 50 users each sending one DM a second for 10 s (open loop), after a short warm-up. Target: the
 * offered 50 turns/s served fully, turn p99 < 150 ms (signed event in → `chat.postMessage` out).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { SANDBOX_BOT, SANDBOX_TEAM_ID } from '../../local/sandbox-users';
import { SlackSender } from '../../local/slack-emulator/sender';
import { startSlackWebApi } from '../../local/slack-emulator/web-api';
import { percentile, runSimulatedUsers } from './load-driver';
import { benchUsers } from './slack.bench';

type Figures = Record<string, number | string>;

const ROOT = join(__dirname, '..', '..');
const PACED_MS = 10_000;
const TARGET_TURN_P99_MS = 150;
const round = (n: number) => Math.round(n * 10) / 10;

/** Runs the section; the headless stack is started and stopped here. */
export async function runHeadlessBench(): Promise<Figures> {
  const users = benchUsers();
  // Warm-up users of their own: the per-user rate limit (20 turns a minute by default) must not be
  // spent before the measured phase.
  const warmUp = users
    .slice(0, 5)
    .map((u) => ({ ...u, id: u.id.replace('UBENCH', 'UWARMU'), name: `w${u.name}` }));
  const botToken = `xoxb-bench-${randomBytes(12).toString('hex')}`;
  const emulator = await startSlackWebApi({
    botToken,
    teamId: SANDBOX_TEAM_ID,
    botUserId: SANDBOX_BOT.userId,
    botId: SANDBOX_BOT.botId,
    users: [...users, ...warmUp],
  });
  let child: ChildProcess | undefined;
  try {
    // `node --import tsx` keeps local/main.ts in one process, as `npm start` runs it.
    const { SLACK_APP_TOKEN: _app, ...env } = process.env;
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'local/main.ts', '--headless', '--slack-api-url', emulator.url],
      { cwd: ROOT, env: { ...env, SLACK_BOT_TOKEN: botToken }, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const stdout = child.stdout;
    if (!stdout) throw new Error('no stdout from npm start -- --headless');
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: stdout }).once('line', resolve);
      child?.once('exit', (code) => reject(new Error(`npm start -- --headless exited with ${code}`)));
    });
    const endpoints = JSON.parse(first) as { slackEvents: string; signingSecret: string };
    const sender = new SlackSender({
      eventsUrl: endpoints.slackEvents,
      signingSecret: endpoints.signingSecret,
      teamId: SANDBOX_TEAM_ID,
      users: [...users, ...warmUp],
    });
    const base = { sender, emulator, userIds: users.map((u) => u.id), text: 'status of pipeline web-app' };
    await runSimulatedUsers({ ...base, userIds: warmUp.map((u) => u.id), durationMs: 3000 });
    const paced = await runSimulatedUsers({ ...base, durationMs: PACED_MS, pacing: { intervalMs: 1000 } });
    const servedPerS = paced.turns / (paced.elapsedMs / 1000);
    const p99 = percentile(paced.turnMs, 0.99);
    return {
      users: users.length,
      paced_seconds: PACED_MS / 1000,
      paced_offered_turns_per_s: users.length,
      paced_turns_per_s: round(servedPerS),
      paced_behind_schedule: paced.behindSchedule,
      paced_ack_p50_ms: round(percentile(paced.ackMs, 0.5)),
      paced_ack_p99_ms: round(percentile(paced.ackMs, 0.99)),
      paced_turn_p50_ms: round(percentile(paced.turnMs, 0.5)),
      paced_turn_p99_ms: round(p99),
      paced_lost: paced.lost,
      paced_duplicated: paced.duplicated,
      paced_http_errors: paced.httpErrors,
      target: `served fully (behind schedule 0, nothing lost), turn p99 < ${TARGET_TURN_P99_MS} ms`,
      target_met: String(
        paced.behindSchedule === 0 && paced.lost === 0 && paced.httpErrors === 0 && p99 < TARGET_TURN_P99_MS,
      ),
    };
  } finally {
    child?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await emulator.stop();
  }
}
