import { knownBot, lexBot, rateLimit, slackSecrets } from '../../../../bot/lambda/lambda-env';
import { createWorkerRunner } from '../../../../bot/lambda/worker.lambda';
import { ConfigError } from '../../../../handlers/errors';
import { silentLogger } from '../../../../handlers/logger';

describe('Lambda environment', () => {
  it('names a missing variable without echoing any secret', () => {
    // Prepare
    const env = { SLACK_SIGNING_SECRET: 'shh-very-secret' };

    // Act
    const act = () => slackSecrets(env);

    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/SLACK_BOT_TOKEN/);
    expect(act).not.toThrow(/shh-very-secret/);
  });

  it('reads the Lex bot with the en_US default locale', () => {
    // Prepare / Act
    const bot = lexBot({ LEX_BOT_ID: 'CHATOPSBOT', LEX_BOT_ALIAS_ID: 'TSTALIASID' });

    // Assess
    expect({ botId: bot.botId, botAliasId: bot.botAliasId, localeId: bot.localeId }).toEqual({
      botId: 'CHATOPSBOT',
      botAliasId: 'TSTALIASID',
      localeId: 'en_US',
    });
  });

  it('reads optional settings only when they are valid', () => {
    // Prepare / Act / Assess
    expect(rateLimit({ TURNS_PER_MINUTE: '12' })).toEqual({ turnsPerMinute: 12 });
    expect(rateLimit({ TURNS_PER_MINUTE: 'lots' })).toBeUndefined();
    expect(knownBot({ SLACK_BOT_USER_ID: 'UCHATOPSBOT' })).toBeUndefined();
  });

  it('refuses to build the worker without its table', () => {
    // Prepare
    const env = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      LEX_BOT_ID: 'B',
      LEX_BOT_ALIAS_ID: 'A',
    };

    // Act
    const act = () => createWorkerRunner(env, silentLogger);

    // Assess
    expect(act).toThrow(/TABLE_NAME/);
  });

  it('refuses to build the worker with a bad TURNS_PER_MINUTE, naming it', () => {
    // Prepare
    const env = {
      SLACK_SIGNING_SECRET: 's',
      SLACK_BOT_TOKEN: 'xoxb-1',
      LEX_BOT_ID: 'B',
      LEX_BOT_ALIAS_ID: 'A',
      TABLE_NAME: 't',
      TURNS_PER_MINUTE: 'lots',
    };

    // Act
    const act = () => createWorkerRunner(env, silentLogger);

    // Assess
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(/TURNS_PER_MINUTE: must be a positive integer/);
  });
});
