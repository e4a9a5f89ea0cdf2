/**
 * Exact matching of sample utterances (`status of pipeline {PipelineName}`) against what the user
 * typed, ignoring case, punctuation and spacing. An exact match is the strongest evidence Lex has
 * (it scores it 1.0), its captures are slot values, and it lets a reply that is plainly another
 * intent's utterance switch intent in the middle of a dialog.
 */
import { tokenize } from './text';

export interface CompiledTemplate {
  intent: string;
  /** The slot whose elicitation this template answers (slot sample utterances only). */
  forSlot?: string;
  slotNames: readonly string[];
  regex: RegExp;
}

export interface Capture {
  text: string;
  /** Offsets in the text that was matched. */
  start: number;
  end: number;
}

export interface TemplateMatch {
  template: CompiledTemplate;
  /** Slot name → captured text, as typed. */
  captures: Record<string, Capture>;
}

const SEPARATOR = String.raw`[\s,.;:!?]+`;

/** Compiles one sample utterance; `{Name}` placeholders become lazy captures. */
export function compileTemplate(utterance: string, intent: string, forSlot?: string): CompiledTemplate {
  const slotNames: string[] = [];
  const parts = utterance
    .trim()
    .split(/\s+/)
    .map((part) => {
      const slot = /^\{(\w+)\}$/.exec(part);
      if (slot?.[1]) {
        slotNames.push(slot[1]);
        return '(.+?)';
      }
      return tokenize(part)
        .map((t) => t.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
        .join(SEPARATOR);
    })
    .filter(Boolean);
  const regex = new RegExp(`^${parts.join(SEPARATOR)}$`, 'iud');
  return { intent, slotNames, regex, ...(forSlot ? { forSlot } : {}) };
}

/** Every template that matches the whole of `text`, in template order, with its captures. */
export function matchTemplates(templates: readonly CompiledTemplate[], text: string): TemplateMatch[] {
  const offset = text.length - text.trimStart().length;
  const input = text.trim().replace(/[\s,.;:!?]+$/u, '');
  const matches: TemplateMatch[] = [];
  for (const template of templates) {
    const match = template.regex.exec(input);
    if (!match) continue;
    const captures: Record<string, Capture> = {};
    template.slotNames.forEach((name, i) => {
      const value = match[i + 1];
      const at = match.indices?.[i + 1];
      if (value && at) captures[name] = { text: value, start: at[0] + offset, end: at[1] + offset };
    });
    matches.push({ template, captures });
  }
  return matches;
}
