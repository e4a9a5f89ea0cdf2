import { SANDBOX_USERS } from '../../../../local/sandbox-users';
import type { RecordedCall } from '../../../../local/slack-emulator/call-recorder';
import type { SlackSender, SlackSendResult } from '../../../../local/slack-emulator/sender';
import { ChatSession } from '../../../../local/terminal-chat/chat-session';

const OK: SlackSendResult = { status: 200, body: '', headers: {} };

/** A ChatSession over a fake emulator (calls are pushed by the test) and a recording fake sender. */
function setUp() {
  let listener: ((call: RecordedCall) => void) | undefined;
  const printed: string[] = [];
  const sender = {
    sendMessage: jest.fn(async () => OK),
    sendBlockAction: jest.fn(async () => OK),
    sendSlashCommand: jest.fn(async () => ({ ...OK, body: '' })),
    sendAppHomeOpened: jest.fn(async () => OK),
    sendViewSubmission: jest.fn(async (): Promise<SlackSendResult> => OK),
  };
  const emulator = {
    onCall: (l: (call: RecordedCall) => void) => {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    message: () => undefined,
  };
  const quit = jest.fn();
  const session = new ChatSession({
    emulator,
    sender: sender as unknown as SlackSender,
    users: SANDBOX_USERS,
    print: (lines) => printed.push(...lines),
    onQuit: quit,
  });
  session.attach();
  const emit = (call: Partial<RecordedCall> & Pick<RecordedCall, 'method' | 'args' | 'result'>) =>
    listener?.({ at: Date.now(), injected: false, ...call });
  return { session, sender, printed, emit, quit };
}

const question = {
  method: 'chat.postMessage',
  args: {
    channel: 'DALICE0001',
    text: 'Sure?',
    blocks: [
      {
        type: 'actions',
        block_id: 'lex_confirm',
        elements: [
          {
            type: 'button',
            action_id: 'lex_confirm_yes',
            value: 'v-yes',
            text: { type: 'plain_text', text: 'Yes' },
          },
          {
            type: 'button',
            action_id: 'lex_confirm_no',
            value: 'v-no',
            text: { type: 'plain_text', text: 'No' },
          },
        ],
      },
    ],
  },
  result: { ok: true, channel: 'DALICE0001', ts: '1700000000.000001' },
};

describe('ChatSession', () => {
  it('sends what is typed as a DM from the current user', async () => {
    // Prepare
    const { session, sender } = setUp();

    // Act
    await session.handleLine('status of pipeline web-app');

    // Assess
    expect(sender.sendMessage).toHaveBeenCalledWith({
      user: 'UALICE0001',
      text: 'status of pipeline web-app',
    });
  });

  it('presses a shown button by its number as the current user', async () => {
    // Prepare
    const { session, sender, emit } = setUp();
    emit(question);
    await session.handleLine('/as carol');

    // Act
    await session.handleLine('2');

    // Assess
    expect(sender.sendBlockAction).toHaveBeenCalledWith(
      expect.objectContaining({
        user: 'UCAROL0001',
        channel: 'DALICE0001',
        messageTs: '1700000000.000001',
        actionId: 'lex_confirm_no',
        blockId: 'lex_confirm',
        value: 'v-no',
        isEphemeral: false,
      }),
    );
  });

  it('forgets the buttons of a message once it is edited', async () => {
    // Prepare
    const { session, sender, emit, printed } = setUp();
    emit(question);
    emit({
      method: 'chat.update',
      args: { channel: 'DALICE0001', ts: '1700000000.000001', text: 'Answered' },
      result: question.result,
    });

    // Act
    await session.handleLine('1');

    // Assess
    expect(sender.sendBlockAction).not.toHaveBeenCalled();
    expect(printed).toContain('There is no button [1].');
  });

  it('labels messages posted outside the current user’s DM with their channel', () => {
    // Prepare
    const { emit, printed } = setUp();

    // Act
    emit({
      method: 'chat.postMessage',
      args: { channel: 'C0APPROVALS', text: 'Approve?' },
      result: { ok: true, channel: 'C0APPROVALS', ts: '1.000001' },
    });

    // Assess
    expect(printed).toEqual(['chatops [#C0APPROVALS]:', '  Approve?']);
  });

  it('shows App Home updates as a note, and in full after /home', async () => {
    // Prepare
    const { session, emit, printed } = setUp();
    const publish = {
      method: 'views.publish',
      args: {
        user_id: 'UALICE0001',
        view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'My requests' } }] },
      },
      result: { ok: true },
    };
    emit(publish);

    // Act
    await session.handleLine('/home');
    emit(publish);

    // Assess
    expect(printed).toEqual([
      '(App Home of alice was updated; /home shows it)',
      'App Home of alice:',
      '  My requests',
    ]);
  });

  it('turns /status and /mine into the /chatops slash command', async () => {
    // Prepare
    const { session, sender } = setUp();

    // Act
    await session.handleLine('/status REQ-5G8H3N7Q');
    await session.handleLine('/mine');

    // Assess
    expect(sender.sendSlashCommand.mock.calls).toEqual([
      [{ user: 'UALICE0001', command: '/chatops', text: 'status REQ-5G8H3N7Q' }],
      [{ user: 'UALICE0001', command: '/chatops', text: 'mine' }],
    ]);
  });

  it('refuses an unknown user and quits on /quit', async () => {
    // Prepare
    const { session, printed, quit } = setUp();

    // Act
    await session.handleLine('/as mallory');
    await session.handleLine('/quit');

    // Assess
    expect(printed).toEqual(['No sandbox user "mallory". Known: alice, bob, carol.']);
    expect(session.currentUser.id).toBe('UALICE0001');
    expect(quit).toHaveBeenCalledTimes(1);
  });
});

const approvalMessage = {
  method: 'chat.postMessage',
  args: {
    channel: 'C0APPROVALS',
    text: 'Approval needed: VendAccount REQ-5G8H3N7Q',
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: 'Approval needed: VendAccount REQ-5G8H3N7Q' } },
      {
        type: 'actions',
        block_id: 'approval',
        elements: [
          {
            type: 'button',
            action_id: 'approval_approve',
            value: 'REQ-5G8H3N7Q',
            text: { type: 'plain_text', text: 'Approve' },
          },
          {
            type: 'button',
            action_id: 'approval_reject',
            value: 'REQ-5G8H3N7Q',
            text: { type: 'plain_text', text: 'Reject' },
          },
        ],
      },
    ],
  },
  result: { ok: true, channel: 'C0APPROVALS', ts: '1700000101.000100' },
};

const rejectModalOpened = {
  method: 'views.open',
  args: {},
  result: {
    ok: true,
    view: {
      id: 'VMODAL00001',
      type: 'modal',
      callback_id: 'approval_reject_reason',
      title: { type: 'plain_text', text: 'Reject REQ-5G8H3N7Q' },
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Reject *REQ-5G8H3N7Q*?' } },
        {
          type: 'input',
          block_id: 'reason',
          label: { type: 'plain_text', text: 'Reason' },
          element: { type: 'plain_text_input', action_id: 'reason_input' },
        },
      ],
    },
  },
};

describe('ChatSession in the approvers channel', () => {
  it('shows Bob the waiting approvers-channel message after /as bob, and lets him press Approve', async () => {
    // Prepare
    const { session, sender, printed, emit } = setUp();
    emit(approvalMessage);
    printed.length = 0;

    // Act
    await session.handleLine('/as bob');
    await session.handleLine('1');

    // Assess
    expect(printed.join('\n')).toContain('Waiting in channels you can see:');
    expect(printed.join('\n')).toContain('[1] Approve');
    expect(sender.sendBlockAction).toHaveBeenCalledWith(
      expect.objectContaining({
        user: 'UBOB00001',
        channel: 'C0APPROVALS',
        actionId: 'approval_approve',
        value: 'REQ-5G8H3N7Q',
      }),
    );
  });

  it('turns the reject modal into a prompt and the next line into its submission', async () => {
    // Prepare
    const { session, sender, printed, emit } = setUp();
    await session.handleLine('/as bob');
    emit(rejectModalOpened);

    // Act
    await session.handleLine('Not this quarter');

    // Assess
    expect(printed.join('\n')).toContain('chatops opened a form: Reject REQ-5G8H3N7Q');
    expect(sender.sendViewSubmission).toHaveBeenCalledWith({
      user: 'UBOB00001',
      view: rejectModalOpened.result.view,
      values: { reason: { reason_input: { type: 'plain_text_input', value: 'Not this quarter' } } },
    });
    expect(sender.sendMessage).not.toHaveBeenCalled();
  });

  it('shows the errors the app answers in the modal and keeps it open', async () => {
    // Prepare
    const { session, sender, printed, emit } = setUp();
    emit(rejectModalOpened);
    sender.sendViewSubmission.mockResolvedValueOnce({
      ...OK,
      body: JSON.stringify({ response_action: 'errors', errors: { reason: 'at most 500 fit' } }),
    });

    // Act
    await session.handleLine('x'.repeat(600));
    await session.handleLine('/cancel');
    await session.handleLine('hello');

    // Assess
    expect(printed.join('\n')).toContain('⚠ at most 500 fit');
    expect(printed.join('\n')).toContain('(form closed; nothing was sent)');
    expect(sender.sendViewSubmission).toHaveBeenCalledTimes(1);
    expect(sender.sendMessage).toHaveBeenCalledWith({ user: 'UALICE0001', text: 'hello' });
  });
});
