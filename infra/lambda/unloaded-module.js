/**
 * Stand-in for a package the Lambda path imports but never runs (esbuild `--alias`, see
 * infra/lambda/bundle-settings.ts): Bolt's index and App load Express, Socket Mode, OAuth and the
 * raw body reader at import time, although the ingress only ever uses `AwsLambdaReceiver`.
 * Anything read from it is a function that throws, naming what was used, so a code path that does
 * start to need the real package fails loudly in the bundle tests instead of misbehaving.
 */

module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      if (key === '__esModule') return false;
      return function notInThisBundle() {
        throw new Error(`${String(key)} is not in this Lambda bundle (infra/lambda/bundle-settings.ts)`);
      };
    },
  },
);
