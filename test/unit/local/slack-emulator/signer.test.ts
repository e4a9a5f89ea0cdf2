import { isValidSlackRequest } from '@slack/bolt';
import { signSlackRequest } from '../../../../local/slack-emulator/signer';

// Slack's worked example: https://api.slack.com/authentication/verifying-requests-from-slack
const DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const DOC_TIMESTAMP = 1531420618;
const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
  '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
  '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
  '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const DOC_SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';

describe('signSlackRequest', () => {
  it('reproduces the signature of Slack’s documented example', () => {
    // Prepare
    const body = DOC_BODY;

    // Act
    const headers = signSlackRequest(body, DOC_SECRET, DOC_TIMESTAMP);

    // Assess
    expect(headers).toEqual({
      'x-slack-signature': DOC_SIGNATURE,
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it('produces headers that Bolt’s own verifier accepts', () => {
    // Prepare
    const body = JSON.stringify({ type: 'event_callback', event: { type: 'message', text: 'hi' } });
    const now = Math.floor(Date.now() / 1000);

    // Act
    const headers = signSlackRequest(body, 'local-secret', now);

    // Assess
    const verified = isValidSlackRequest({
      signingSecret: 'local-secret',
      body,
      headers: { ...headers, 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
    });
    expect(verified).toBe(true);
  });

  it('changes the signature when one byte of the body changes', () => {
    // Prepare
    const a = signSlackRequest('text=hello', 'secret', 1700000000);

    // Act
    const b = signSlackRequest('text=hellp', 'secret', 1700000000);

    // Assess
    expect(b['x-slack-signature']).not.toBe(a['x-slack-signature']);
  });
});
