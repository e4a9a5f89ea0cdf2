/**
 * Registers every listener family on the Bolt app and returns the inventory of what was registered,
 * named as the Slack manifest names it (`message.im`, not Bolt's `message`). The manifest test
 * compares this inventory with slack-manifest.yml, so a listener without a subscription (or the
 * reverse) fails the build.
 */
import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
import { PIPELINE_ACTION } from '../../handlers/pipeline-status/notifications';
import { APPROVAL_ACTION, CONFIRM_ACTION, SLOT_VALUE_ACTION } from '../render/action-ids';
import { SLASH_COMMAND } from '../render/help';
import { REJECT_REASON_CALLBACK } from '../render/reject-modal';
import { approvalListener } from './actions/approval.listener';
import { confirmListener } from './actions/confirm.listener';
import { pipelineButtonListener } from './actions/pipeline-button.listener';
import { slotValueListener } from './actions/slot-value.listener';
import { appHomeOpenedListener } from './app-home/app-home-opened.listener';
import { appMentionListener } from './app-mention/app-mention.listener';
import { chatopsCommandListener } from './commands/chatops-command.listener';
import type { ListenerContext } from './listener-context';
import { directMessageListener } from './messages/direct-message.listener';
import { rejectReasonListener } from './views/reject-reason.listener';

export interface ListenerInventory {
  /** Manifest `bot_events` names. */
  events: string[];
  commands: string[];
  /** Action id patterns (regex sources). */
  actions: string[];
  /** Modal `callback_id`s whose `view_submission` is handled. */
  views: string[];
  /** True when a `block_actions` listener exists (the manifest must enable interactivity). */
  interactivity: boolean;
}

/** Registers the listeners; returns what was registered. */
export function registerListeners(app: App, ctx: ListenerContext): ListenerInventory {
  const inventory: ListenerInventory = {
    events: [],
    commands: [],
    actions: [],
    views: [],
    interactivity: false,
  };

  app.message(directMessageListener(ctx));
  inventory.events.push('message.im');
  app.event('app_mention', appMentionListener(ctx));
  inventory.events.push('app_mention');
  app.event('app_home_opened', appHomeOpenedListener(ctx));
  inventory.events.push('app_home_opened');

  app.command(SLASH_COMMAND, chatopsCommandListener(ctx));
  inventory.commands.push(SLASH_COMMAND);

  app.action<BlockAction<ButtonAction>>(SLOT_VALUE_ACTION, slotValueListener(ctx));
  app.action<BlockAction<ButtonAction>>(CONFIRM_ACTION, confirmListener(ctx));
  app.action<BlockAction<ButtonAction>>(APPROVAL_ACTION, approvalListener(ctx));
  app.action<BlockAction<ButtonAction>>(PIPELINE_ACTION, pipelineButtonListener(ctx));
  inventory.actions.push(
    SLOT_VALUE_ACTION.source,
    CONFIRM_ACTION.source,
    APPROVAL_ACTION.source,
    PIPELINE_ACTION.source,
  );
  app.view<ViewSubmitAction>(REJECT_REASON_CALLBACK, rejectReasonListener(ctx));
  inventory.views.push(REJECT_REASON_CALLBACK);
  inventory.interactivity = true;

  return inventory;
}
