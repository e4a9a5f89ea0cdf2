/**
 * Debian's Chromium driven by playwright-core (TOOLCHAIN.md: `npx playwright install` cannot
 * download here). One browser per test file, a fresh context (no cookies, no storage) per test,
 * and a temporary profile directory removed afterwards. Records every dialog and console error
 * and every page error, so a test can assert that no script ran.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where the run's screenshots go (git-ignored; look at them after a run). */
export const SCREENSHOTS = join(__dirname, '..', '__screenshots__');

function chromiumPath(): string {
  return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  }).trim();
}

export interface Browser {
  /** A fresh context (optionally with JavaScript disabled) and one page in it. */
  page(options?: { javaScriptEnabled?: boolean; mobile?: boolean }): Promise<WatchedPage>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Messages of `alert`/`confirm`/`prompt` dialogs the page opened. */
  dialogs: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Headless Chromium with the flags TOOLCHAIN.md gives. Each `page()` is its own persistent context
 * on a fresh temporary profile (`--user-data-dir`): nothing (cookies included) is shared.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  const opened: { context: BrowserContext; profile: string }[] = [];
  return {
    async page(options = {}) {
      const profile = mkdtempSync(join(tmpdir(), 'chatops-e2e-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: FLAGS,
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        ...(options.mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : {}),
      });
      opened.push({ context, profile });
      const page = context.pages()[0] ?? (await context.newPage());
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return { page, context, dialogs, errors };
    },
    async close() {
      for (const { context, profile } of opened.splice(0)) {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
