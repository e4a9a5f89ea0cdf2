import * as z from 'zod';
import { optionalPositiveInt, optionalVar, parseEnv, requiredVar } from '../../../../handlers/config/env';
import { ConfigError } from '../../../../handlers/errors';

const schema = z.object({
  TABLE_NAME: requiredVar(),
  SLACK_BOT_TOKEN: requiredVar(),
  LEX_LOCALE_ID: optionalVar(),
  TURNS_PER_MINUTE: optionalPositiveInt(),
});

function parseError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    parseEnv(schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('returns the typed variables, empty optional ones as undefined', () => {
    // Prepare
    const env = { TABLE_NAME: 't', SLACK_BOT_TOKEN: 'xoxb-1', LEX_LOCALE_ID: '', TURNS_PER_MINUTE: '12' };
    // Act
    const parsed = parseEnv(schema, env);
    // Assess
    expect(parsed).toEqual({
      TABLE_NAME: 't',
      SLACK_BOT_TOKEN: 'xoxb-1',
      LEX_LOCALE_ID: undefined,
      TURNS_PER_MINUTE: 12,
    });
  });

  it('names every missing or bad variable and never echoes a value', () => {
    // Prepare
    const env = { SLACK_BOT_TOKEN: '', TURNS_PER_MINUTE: 'xoxb-secret-lots' };
    // Act
    const error = parseError(env);
    // Assess
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.issues).toEqual([
      { path: 'TABLE_NAME', message: 'environment variable is not set' },
      { path: 'SLACK_BOT_TOKEN', message: 'environment variable is not set' },
      { path: 'TURNS_PER_MINUTE', message: 'must be a positive integer' },
    ]);
    expect(error.message).not.toContain('xoxb-secret-lots');
  });
});
