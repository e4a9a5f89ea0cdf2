/**
 * The terminal chat's logic, without the terminal: it acts as the current sandbox user through the
 * SlackSender (signed requests to the Bolt app), shows what the app sends back through the Slack
 * emulator's recorded calls, numbers buttons across the session and presses them on request. The
 * readline wiring lives in ./terminal-chat.ts; this class only calls `print`.
 */
import { LocalUsageError } from '../local-errors';
import type { EmailNotification } from '../notifications';
import { type EmulatedSlackUser, findSandboxUser } from '../sandbox-users';
import type { RecordedCall } from '../slack-emulator/call-recorder';
import type { SlackSender, SlackSendResult } from '../slack-emulator/sender';
import type { SlackWebApiEmulator } from '../slack-emulator/web-api';
import { dmChannelFor } from '../slack-emulator/workspace';
import { HELP_TEXT, parseChatCommand } from './commands';
import { type ButtonTarget, describeCall } from './describe-call';
import { modalLines, modalValues, type OpenModal, openedModal, submissionErrors } from './modal';
import { type NumberedButton, renderMessage } from './render-blocks';

export interface ChatSessionDeps {
  emulator: Pick<SlackWebApiEmulator, 'onCall' | 'message'>;
  sender: SlackSender;
  users: readonly EmulatedSlackUser[];
  /** Writes lines to the terminal. */
  print: (lines: string[]) => void;
  /** Called on `/quit`. */
  onQuit: () => void;
}

interface Pressable {
  button: NumberedButton;
  target: ButtonTarget;
}

/** One person at the terminal, acting as one sandbox user at a time. */
export class ChatSession {
  private user: EmulatedSlackUser;
  private readonly pressables = new Map<number, Pressable>();
  private nextNumber = 1;
  /** Set by `/home`: the next App Home publish is shown in full (others only as a one-line note). */
  private homeWanted = false;
  private readonly userNames: Record<string, string>;
  /** A form (modal) the app opened, waiting for the next typed line. */
  private modal: OpenModal | undefined;
  /** Messages with buttons outside DMs (the approvers' channel), by `channel:ts`, to show after `/as`. */
  private readonly channelMessages = new Map<string, string[]>();

  constructor(private readonly deps: ChatSessionDeps) {
    const first = deps.users[0];
    if (!first) throw new LocalUsageError('The terminal chat needs at least one Slack user to act as.');
    this.user = first;
    this.userNames = Object.fromEntries(deps.users.map((u) => [u.id, u.name]));
  }

  /** The user the terminal acts as. */
  get currentUser(): EmulatedSlackUser {
    return this.user;
  }

  /** Starts showing the app's Slack calls; returns the function that stops it. */
  attach(): () => void {
    return this.deps.emulator.onCall((call) => this.show(call));
  }

  /** The prompt, e.g. `alice> `. */
  prompt(): string {
    return `${this.user.name}> `;
  }

  /** Shows an outgoing email notification. */
  showNotification(n: EmailNotification): void {
    this.deps.print([
      `✉  email to ${n.to}: ${n.subject}`,
      ...n.body.split('\n').map((l) => (l ? `   ${l}` : '')),
    ]);
  }

  /** Handles one typed line. */
  async handleLine(line: string): Promise<void> {
    if (this.modal) return this.answerModal(line);
    const command = parseChatCommand(line);
    switch (command.kind) {
      case 'say':
        return this.report(await this.deps.sender.sendMessage({ user: this.user.id, text: command.text }));
      case 'press':
        return this.press(command.number);
      case 'as':
        return this.switchUser(command.user);
      case 'slash':
        return this.slash(command.command, command.text);
      case 'home':
        this.homeWanted = true;
        return this.report(await this.deps.sender.sendAppHomeOpened({ user: this.user.id }));
      case 'help':
        return this.deps.print(HELP_TEXT.split('\n'));
      case 'quit':
        return this.deps.onQuit();
      case 'unknown':
        return this.deps.print([`Unknown command ${command.input}. Type /help.`]);
      default:
        return;
    }
  }

  private show(call: RecordedCall): void {
    const modal = openedModal(call);
    if (modal) {
      this.modal = modal;
      this.deps.print(modalLines(modal, this.userNames));
      return;
    }
    const shown = describeCall(call, {
      firstButtonNumber: this.nextNumber,
      userNames: this.userNames,
      currentChannel: dmChannelFor(this.user.id),
      message: (channel, ts) => this.deps.emulator.message(channel, ts),
    });
    if (!shown) return;
    if (call.method === 'views.publish' && !this.homeWanted) {
      this.deps.print([`(${shown.label} was updated; /home shows it)`]);
      return;
    }
    if (call.method === 'views.publish') this.homeWanted = false;
    const target = shown.target;
    // An edited message's old buttons are gone in Slack too.
    if (call.method === 'chat.update' && target) this.forgetButtons(target.channel, target.messageTs);
    for (const button of shown.buttons) if (target) this.pressables.set(button.number, { button, target });
    this.nextNumber += shown.buttons.length;
    const where = shown.channel ? ` [${shown.channel}]` : '';
    const lines = [`${shown.label}${where}:`, ...shown.lines.map((l) => `  ${l}`)];
    this.rememberChannelMessage(target, shown.buttons.length > 0, lines);
    this.deps.print(lines);
  }

  /** Keeps the latest rendering of a non-DM bot message while it has buttons (for `/as`). */
  private rememberChannelMessage(
    target: ButtonTarget | undefined,
    hasButtons: boolean,
    lines: string[],
  ): void {
    if (!target || target.isEphemeral || target.channel.startsWith('D')) return;
    const key = `${target.channel}:${target.messageTs}`;
    if (hasButtons) this.channelMessages.set(key, lines);
    else this.channelMessages.delete(key);
  }

  private async answerModal(line: string): Promise<void> {
    const modal = this.modal;
    if (!modal) return;
    if (line.trim().toLowerCase() === '/cancel') {
      this.modal = undefined;
      return this.deps.print(['(form closed; nothing was sent)']);
    }
    const result = await this.deps.sender.sendViewSubmission({
      user: this.user.id,
      view: modal.view,
      values: modalValues(modal, line),
    });
    const errors = result.status === 200 ? submissionErrors(result.body) : [];
    if (errors.length) return this.deps.print(['The form says:', ...errors, '  Try again, or /cancel.']);
    this.modal = undefined;
    if (result.status !== 200) this.report(result);
  }

  private forgetButtons(channel: string, messageTs: string): void {
    for (const [number, { target }] of this.pressables) {
      if (target.channel === channel && target.messageTs === messageTs) this.pressables.delete(number);
    }
  }

  private async press(number: number): Promise<void> {
    const pressable = this.pressables.get(number);
    if (!pressable) return this.deps.print([`There is no button [${number}].`]);
    const { button, target } = pressable;
    this.deps.print([`(${this.user.name} pressed "${button.label}")`]);
    const result = await this.deps.sender.sendBlockAction({
      user: this.user.id,
      channel: target.channel,
      messageTs: target.messageTs,
      actionId: button.actionId,
      blockId: button.blockId,
      value: button.value,
      buttonText: button.label,
      isEphemeral: target.isEphemeral,
      ...(target.message ? { message: target.message } : {}),
    });
    this.report(result);
  }

  private switchUser(nameOrId: string): void {
    const user = findSandboxUser(nameOrId, this.deps.users);
    if (!user) {
      const known = this.deps.users.map((u) => u.name).join(', ');
      this.deps.print([`No sandbox user "${nameOrId}". Known: ${known}.`]);
      return;
    }
    this.user = user;
    this.modal = undefined;
    this.deps.print([`You are now ${user.realName} (${user.id}, ${user.email}).`]);
    const open = [...this.channelMessages.values()];
    if (open.length) this.deps.print(['Waiting in channels you can see:', ...open.flat()]);
  }

  private async slash(command: string, text: string): Promise<void> {
    this.report(await this.deps.sender.sendSlashCommand({ user: this.user.id, command, text }));
  }

  /** Shows a non-empty synchronous answer (slash-command acks) and HTTP failures. */
  private report(result: SlackSendResult): void {
    if (result.status !== 200) {
      this.deps.print([
        `(the app answered HTTP ${result.status}${result.body ? `: ${result.body.slice(0, 200)}` : ''})`,
      ]);
      return;
    }
    if (!result.body.trim()) return;
    let message: { text?: unknown; blocks?: unknown };
    try {
      message = JSON.parse(result.body) as { text?: unknown; blocks?: unknown };
    } catch {
      message = { text: result.body };
    }
    const { lines } = renderMessage(message, { userNames: this.userNames, numberButtons: false });
    if (lines.length) this.deps.print(['chatops (only you see this):', ...lines.map((l) => `  ${l}`)]);
  }
}
