/** Every `*.lambda.ts` in the repository is declared in infra/lambda-entries.ts (so it is deployed). */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../../infra/lambda/bundle-settings';
import { LAMBDA_ENTRIES } from '../../../infra/lambda-entries';

function lambdaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return lambdaFiles(path);
    return d.name.endsWith('.lambda.ts') ? [relative(PROJECT_ROOT, path)] : [];
  });
}

describe('LAMBDA_ENTRIES', () => {
  it('lists every Lambda entry file of bot/ and handlers/', () => {
    // Act
    const files = ['bot', 'handlers'].flatMap((d) => lambdaFiles(join(PROJECT_ROOT, d)));

    // Assess
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !LAMBDA_ENTRIES.some((e) => e.entry === f))).toEqual([]);
  });

  it('has unique ids and entries, and one function per API, code-hook or queue trigger', () => {
    // Assess
    expect(new Set(LAMBDA_ENTRIES.map((e) => e.id)).size).toBe(LAMBDA_ENTRIES.length);
    expect(new Set(LAMBDA_ENTRIES.map((e) => e.entry)).size).toBe(LAMBDA_ENTRIES.length);
    for (const kind of [
      'lexCodeHook',
      'slackEvents',
      'turnQueue',
      'approvalApi',
      'executionQueue',
      'chatQueue',
    ]) {
      expect(LAMBDA_ENTRIES.filter((e) => e.trigger.kind === kind).length).toBeLessThanOrEqual(1);
    }
  });
});
