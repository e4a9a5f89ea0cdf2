/**
 * The one set of esbuild settings for every Lambda bundle, shared by the stack (`NodejsFunction`)
 * and the cold-start bench (test/bench/lambda.bench.ts), so what is measured is what is deployed.
 *
 * - Node.js 22 target, CommonJS, minified, with source maps (`--enable-source-maps` at run time).
 * - Every dependency inside the bundle, the AWS SDK clients included (pinned versions; each function
 *   carries only the clients its entry imports).
 * - `module` before `main`: the ESM builds of the SDK and zod tree-shake; their CommonJS builds do not.
 * - Packages the Lambda path imports but never runs are replaced by a throwing stand-in
 *   (infra/lambda/unloaded-module.js). Measured with esbuild's metafile on the ingress bundle:
 *   undici (Socket Mode) 526 KB, iconv-lite (Express's body parser, raw-body) 482 KB, mime-db 147 KB.
 */
import { join } from 'node:path';

/** Repository root (bundles resolve entries and node_modules from here). */
export const PROJECT_ROOT = join(__dirname, '..', '..');

/** The throwing stand-in for packages that are imported but never used on the Lambda path. */
export const UNLOADED_MODULE = join(__dirname, 'unloaded-module.js');

/**
 * Packages replaced by {@link UNLOADED_MODULE}, with why each is safe to drop:
 * - `express`, `raw-body`: Bolt's ExpressReceiver and HTTPReceiver body reading (HTTP mode only);
 * - `@slack/socket-mode` (and with it undici): Bolt's SocketModeReceiver (Socket Mode only);
 * - `@slack/oauth`: installation flows (the app is installed once, by hand, from the manifest);
 * - `mime-db`: form-data's MIME table for file uploads, which no Lambda does;
 * - `bowser`: the SDK's browser user-agent parser (never used under Node).
 */
export const UNLOADED_PACKAGES = [
  'express',
  'raw-body',
  '@slack/socket-mode',
  '@slack/oauth',
  'mime-db',
  'bowser',
] as const;

/** The settings, in esbuild's own terms. */
export const LAMBDA_BUNDLE = {
  target: 'node22',
  platform: 'node',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  alias: Object.fromEntries(UNLOADED_PACKAGES.map((name) => [name, UNLOADED_MODULE])),
} as const;

/** `NODE_OPTIONS` for functions built with {@link LAMBDA_BUNDLE} (stack traces through the source map). */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';
