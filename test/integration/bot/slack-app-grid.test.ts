/**
 * One organisation on Enterprise Grid, through real Bolt over signed HTTP: ChatOps is configured
 * with the organisation (`slack.enterpriseId`), not a workspace. A member writing from another
 * workspace of the organisation is served (the signed envelope's `enterprise_id` says where it is
 * from); the same person's message arriving in an envelope of another organisation is refused with
 * the one-organisation message, before Lex is asked anything.
 */
import { parseConfig } from '../../../handlers/config/load-config';
import { localConfig } from '../../../handlers/config/local-config';
import { EXTERNAL_REFUSAL } from '../../../handlers/identity/membership';
import { SANDBOX_USERS } from '../../../local/sandbox-users';
import { SlackSender } from '../../../local/slack-emulator/sender';
import { dmChannelFor } from '../../../local/slack-emulator/web-api';
import { SIGNING_SECRET, type SlackStack, startSlackStack } from './slack-stack';

const GRID = 'E0GRIDORG1';
const ALICE = 'UALICE0001';

let stack: SlackStack;

beforeEach(async () => {
  stack = await startSlackStack({
    config: parseConfig({
      ...localConfig,
      slack: { ...localConfig.slack, teamId: undefined, teamIds: undefined, enterpriseId: GRID },
    }),
    // users.info: every sandbox user is a member of the organisation, homed in its first workspace.
    users: SANDBOX_USERS.map((u) => ({ ...u, teamId: 'T0WORKSPC1', enterpriseId: GRID })),
  });
});

afterEach(async () => {
  await stack.stop();
});

const senderFrom = (teamId: string, enterpriseId: string) =>
  new SlackSender({
    eventsUrl: stack.eventsUrl,
    signingSecret: SIGNING_SECRET,
    teamId,
    enterpriseId,
    responseUrlBase: stack.slack.responseUrlBase,
  });

describe('Slack app on Enterprise Grid', () => {
  it('serves a member writing from another workspace of the organisation', async () => {
    // Prepare
    const sender = senderFrom('T0WORKSPC2', GRID);

    // Act
    const sent = await sender.sendMessage({ user: ALICE, text: 'I need a new AWS account' });
    const reply = await stack.slack.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === dmChannelFor(ALICE),
      20_000,
    );

    // Assess
    expect(sent.status).toBe(200);
    expect(String(reply.args.text)).toContain('What should the new account be called?');
  });

  it('refuses the same person when the signed envelope is from another organisation', async () => {
    // Prepare
    const sender = senderFrom('T0FOREIGN1', 'E0OTHERORG');

    // Act
    const sent = await sender.sendMessage({ user: ALICE, text: 'I need a new AWS account' });
    const refusal = await stack.slack.waitForCall('chat.postEphemeral', undefined, 20_000);
    await stack.app.idle();

    // Assess
    expect(sent.status).toBe(200);
    expect(refusal.args.text).toBe(EXTERNAL_REFUSAL);
    expect(stack.slack.calls.filter((c) => c.method === 'chat.postMessage' && !c.injected)).toEqual([]);
  });
});
