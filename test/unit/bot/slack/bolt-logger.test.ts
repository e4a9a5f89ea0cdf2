import { LogLevel } from '@slack/bolt';
import { toBoltLogger } from '../../../../bot/slack/bolt-logger';
import type { Logger } from '../../../../handlers/logger';

function recording() {
  const lines: [string, string][] = [];
  const logger: Logger = {
    debug: (m) => lines.push(['debug', m]),
    info: (m) => lines.push(['info', m]),
    warn: (m) => lines.push(['warn', m]),
    error: (m) => lines.push(['error', m]),
  };
  return { lines, logger };
}

describe('toBoltLogger', () => {
  it('drops Bolt’s debug output by default and forwards the rest', () => {
    // Prepare
    const { lines, logger } = recording();
    const bolt = toBoltLogger(logger);

    // Act
    bolt.debug('payload', { token: 'x' });
    bolt.info('listening on', 3000);
    bolt.error('failed');

    // Assess
    expect(lines).toEqual([
      ['info', 'listening on 3000'],
      ['error', 'failed'],
    ]);
  });

  it('honours setLevel', () => {
    // Prepare
    const { lines, logger } = recording();
    const bolt = toBoltLogger(logger);

    // Act
    bolt.setLevel(LogLevel.ERROR);
    bolt.warn('quiet');

    // Assess
    expect(lines).toEqual([]);
    expect(bolt.getLevel()).toBe(LogLevel.ERROR);
  });
});
