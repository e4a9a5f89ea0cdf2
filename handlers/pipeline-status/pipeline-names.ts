/**
 * Forgiving pipeline-name matching against the real list: case, spaces, hyphens and underscores
 * do not matter, filler words ("the", "pipeline") are dropped, and a unique partial match wins
 * ("payments" → `payments-api`, "the etl pipeline" → `data-lake-etl`). Several candidates or none
 * become a choice for the person (buttons), never a guess. Pure functions.
 */

/** The outcome of matching what someone said against the pipeline names. */
export type NameMatch =
  | { kind: 'found'; name: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'missing'; suggestions: string[] };

/** At most this many candidates are offered (Lex response cards hold 5 buttons). */
export const MAX_CANDIDATES = 5;

const FILLER = new Set(['the', 'pipeline', 'pipelines', 'my', 'our', 'a', 'of', 'for']);

/** Words of a name or a phrase, lower-case, split on anything but letters and digits. */
export function nameTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !FILLER.has(t));
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const saved = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

/** Every query word is the start of some word of the name (in any order). */
function partial(query: string[], name: string[]): boolean {
  return query.every((q) => name.some((n) => n.startsWith(q)));
}

/**
 * Matches `said` against `names`.
 * @example
 * matchPipelineName('the etl pipeline', ['web-app', 'data-lake-etl']) // { kind: 'found', name: 'data-lake-etl' }
 */
export function matchPipelineName(said: string, names: readonly string[]): NameMatch {
  const query = nameTokens(said);
  if (query.length === 0) return { kind: 'missing', suggestions: names.slice(0, MAX_CANDIDATES) };
  const joined = query.join('-');
  const exact = names.filter((n) => nameTokens(n).join('-') === joined);
  if (exact.length === 1 && exact[0]) return { kind: 'found', name: exact[0] };
  const partials = names.filter((n) => partial(query, nameTokens(n)));
  if (partials.length === 1 && partials[0]) return { kind: 'found', name: partials[0] };
  if (partials.length > 1) return { kind: 'ambiguous', candidates: partials.slice(0, MAX_CANDIDATES) };
  const close = names
    .map((n) => ({ n, d: distance(joined, nameTokens(n).join('-')) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(joined.length / 4)))
    .sort((a, b) => a.d - b.d)
    .map(({ n }) => n);
  return { kind: 'missing', suggestions: close.slice(0, MAX_CANDIDATES) };
}
