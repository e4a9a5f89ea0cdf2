/** Loads JSON fixtures of real payload shapes; each call returns a fresh deep copy to modify. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** `loadFixture('lex/dialog-vend-account.json')` */
export function loadFixture<T = Record<string, unknown>>(relativePath: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, relativePath), 'utf8')) as T;
}
