import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LexRuntimeV2Client } from '@aws-sdk/client-lex-runtime-v2';
import { parse } from 'yaml';
import { createSlackApp } from '../../../bot/app';
import { SLASH_COMMAND } from '../../../bot/render/help';
import { COMMAND_SCOPE, EVENT_SCOPES, METHOD_SCOPES } from '../../../bot/slack/scopes';
import { MemoryDeduplicator, MemoryLedger } from '../../../handlers/ledger/memory-ledger';
import { silentLogger } from '../../../handlers/logger';
import { testIdentityKeys } from '../../kit/identity';
import { config } from './support/turns';

interface Manifest {
  features: { app_home: { home_tab_enabled: boolean }; slash_commands: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url: string };
    interactivity: { is_enabled: boolean; request_url: string };
  };
}

const manifest = parse(readFileSync(join(__dirname, '../../../slack-manifest.yml'), 'utf8')) as Manifest;

function inventory() {
  return createSlackApp({
    signingSecret: 'test-signing-secret',
    botToken: 'xoxb-test',
    mode: { kind: 'http', port: 0 },
    lex: {
      client: new LexRuntimeV2Client({ region: 'us-east-1' }),
      botId: 'B',
      botAliasId: 'A',
      localeId: 'en_US',
    },
    ledger: new MemoryLedger(),
    dedup: new MemoryDeduplicator(),
    config,
    identityKeys: testIdentityKeys,
    logger: silentLogger,
  }).inventory;
}

describe('slack-manifest.yml', () => {
  it('subscribes to exactly the events the app has listeners for', () => {
    // Prepare
    const registered = inventory();

    // Act
    const subscribed = manifest.settings.event_subscriptions.bot_events;

    // Assess
    expect([...subscribed].sort()).toEqual([...registered.events].sort());
  });

  it('declares exactly the slash commands the app handles', () => {
    // Prepare
    const registered = inventory();

    // Act
    const declared = manifest.features.slash_commands.map((c) => c.command);

    // Assess
    expect(declared).toEqual(registered.commands);
    expect(declared).toEqual([SLASH_COMMAND]);
  });

  it('enables interactivity and the Home tab, all on the one events URL', () => {
    // Prepare
    const registered = inventory();

    // Act
    const urls = new Set([
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ]);

    // Assess
    expect(manifest.settings.interactivity.is_enabled).toBe(registered.interactivity);
    expect(manifest.features.app_home.home_tab_enabled).toBe(registered.events.includes('app_home_opened'));
    expect([...urls].every((u) => u.endsWith('/slack/events'))).toBe(true);
    expect(urls.size).toBe(1);
  });

  it('asks for the minimal bot scopes: those the events, command and Web API calls need, and no more', () => {
    // Prepare
    const registered = inventory();
    const needed = new Set<string>([
      ...registered.events.map((e) => EVENT_SCOPES[e]).filter((s): s is string => !!s),
      ...Object.values(METHOD_SCOPES).flat(),
      ...(registered.commands.length ? [COMMAND_SCOPE] : []),
    ]);

    // Act
    const declared = manifest.oauth_config.scopes.bot;

    // Assess
    expect([...declared].sort()).toEqual([...needed].sort());
    expect(registered.events.every((e) => e in EVENT_SCOPES)).toBe(true);
  });
});
