/**
 * Modals in the terminal chat (pure helpers): a `views.open` call becomes a prompt (the modal's
 * title and text), the next line typed becomes the value of its first input block, sent as a
 * signed `view_submission`; the app's `response_action: errors` answer becomes lines to show.
 */
import type { RecordedCall } from '../slack-emulator/call-recorder';
import { renderMessage } from './render-blocks';

/** A modal waiting for the person at the terminal to fill in its input. */
export interface OpenModal {
  view: Record<string, unknown>;
  blockId: string;
  actionId: string;
  inputType: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The modal a `views.open` call opened (with its first input), or undefined. */
export function openedModal(call: RecordedCall): OpenModal | undefined {
  if (call.method !== 'views.open' || !call.result.ok || !isObject(call.result.view)) return undefined;
  const view = call.result.view;
  const blocks = Array.isArray(view.blocks) ? (view.blocks as unknown[]) : [];
  const input = blocks.find((b): b is Json => isObject(b) && b.type === 'input');
  const element = input && isObject(input.element) ? input.element : undefined;
  if (!input || !element || typeof input.block_id !== 'string' || typeof element.action_id !== 'string')
    return undefined;
  return {
    view,
    blockId: input.block_id,
    actionId: element.action_id,
    inputType: typeof element.type === 'string' ? element.type : 'plain_text_input',
  };
}

/** What to print when a modal opens. */
export function modalLines(modal: OpenModal, userNames: Readonly<Record<string, string>>): string[] {
  const title = isObject(modal.view.title) ? String(modal.view.title.text ?? '') : 'Modal';
  const blocks = (Array.isArray(modal.view.blocks) ? modal.view.blocks : []).filter(
    (b) => !(isObject(b) && b.type === 'input'),
  );
  const { lines } = renderMessage({ blocks }, { userNames, numberButtons: false });
  return [
    `chatops opened a form: ${title}`,
    ...lines.map((l) => `  ${l}`),
    '  Type your answer and press Enter (or /cancel to close the form).',
  ];
}

/** The `state.values` of submitting `text` in the modal's input. */
export function modalValues(modal: OpenModal, text: string) {
  return { [modal.blockId]: { [modal.actionId]: { type: modal.inputType, value: text } } };
}

/** The errors of a `response_action: errors` answer, as lines, or [] when the modal closed. */
export function submissionErrors(body: string): string[] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isObject(parsed) && parsed.response_action === 'errors' && isObject(parsed.errors)) {
      return Object.values(parsed.errors).map((e) => `  ⚠ ${String(e)}`);
    }
  } catch {
    // An empty body (the modal closed) is not JSON.
  }
  return [];
}
