/**
 * Environment parsing for the Lambda entries: one zod schema per entry, parsed once at cold start.
 * A missing or bad variable fails with a {@link ConfigError} naming every wrong variable and the
 * reason; the value itself is never echoed (many of these variables are secrets).
 */
import * as z from 'zod';
import { ConfigError } from '../errors';

const NOT_SET = 'environment variable is not set';

/** A required, non-empty variable. */
export const requiredVar = () => z.string({ error: NOT_SET }).min(1, NOT_SET);

/** An optional variable; an empty string counts as unset. */
export const optionalVar = () =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined));

/** An optional positive integer (e.g. `TURNS_PER_MINUTE`); unset or empty means undefined. */
export const optionalPositiveInt = () =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const n = Number(v);
      if (Number.isInteger(n) && n > 0) return n;
      ctx.addIssue({ code: 'custom', message: 'must be a positive integer' });
      return z.NEVER;
    });

/**
 * Parses `env` with `schema`.
 * @throws ConfigError with one issue per wrong variable (`path` = the variable's name, never its value)
 * @example
 * const env = parseEnv(z.object({ TABLE_NAME: requiredVar() }), process.env);
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      // zod's messages name the expected shape, not the input; ours never quote the value either.
      message: i.message,
    })),
  );
}
