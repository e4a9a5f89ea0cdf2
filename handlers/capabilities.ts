/** Intent id → capability. The router looks capabilities up here; intents without one only get recorded. */
import { accountVendingCapability } from './account-vending/account-vending.capability';
import type { Capability } from './capability';
import type { CodeHookDeps } from './deps';
import { helpCapability } from './help/help.capability';
import { keyRotationCapability } from './key-rotation/key-rotation.capability';
import { pipelineStatusCapability } from './pipeline-status/pipeline-status.capability';
import { requestStatusCapability } from './request-status/request-status.capability';

const fallbackCapability: Capability<CodeHookDeps> = {
  intent: 'FallbackIntent',
  async run() {
    return {
      message:
        'Sorry, I didn\'t understand that. I can create AWS accounts, rotate access keys, show pipeline status and track requests. Say "help" for examples.',
    };
  },
};

export const CAPABILITIES: ReadonlyMap<string, Capability<CodeHookDeps>> = new Map<
  string,
  Capability<CodeHookDeps>
>(
  [
    accountVendingCapability,
    keyRotationCapability,
    pipelineStatusCapability,
    requestStatusCapability,
    helpCapability,
    fallbackCapability,
  ].map((c) => [c.intent, c as Capability<CodeHookDeps>]),
);
