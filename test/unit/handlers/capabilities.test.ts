import {
  buildCapabilityMap,
  CapabilityWiringError,
  DEFAULT_CAPABILITIES,
} from '../../../handlers/capabilities';
import type { Capability } from '../../../handlers/capability';
import { createCodeHook } from '../../../handlers/router';
import { catalog } from '../../../intents/catalog';
import { vendAccountIntent } from '../../../intents/vend-account.intent';
import { createSandboxCodeHookDeps } from '../../../local/sandbox-deps';

describe('start-up check of the capabilities against the catalog', () => {
  it('accepts the capabilities ChatOps ships, each keyed by its intent id', () => {
    // Act
    const map = buildCapabilityMap(catalog, DEFAULT_CAPABILITIES);
    // Assess
    expect([...map.keys()].sort()).toEqual(
      [
        'FallbackIntent',
        'Help',
        'ListDueAccessKeys',
        'PipelineApproval',
        'PipelineStatus',
        'PipelineSummary',
        'RequestStatus',
        'RetryPipelineStage',
        'RotateAccessKey',
        'VendAccount',
      ].sort(),
    );
  });

  it('refuses a capability that names an intent the catalog lacks, naming it', () => {
    // Prepare
    const stray: Capability<unknown> = {
      intent: 'DeleteProductionDatabase',
      async run() {
        return { message: '' };
      },
    };
    // Act
    const build = () => buildCapabilityMap(catalog, [...DEFAULT_CAPABILITIES, stray]);
    // Assess
    expect(build).toThrow(CapabilityWiringError);
    expect(build).toThrow(
      'A capability names the intent "DeleteProductionDatabase", which the intent catalog does not have.',
    );
    expect(() => createCodeHook(createSandboxCodeHookDeps(), [...DEFAULT_CAPABILITIES, stray])).toThrow(
      expect.objectContaining({ code: 'CAPABILITY_WIRING_INVALID', intent: 'DeleteProductionDatabase' }),
    );
  });

  it('refuses a write intent whose capability has no executor', () => {
    // Prepare
    const withoutExecutor = DEFAULT_CAPABILITIES.map((c) =>
      c.intent === vendAccountIntent.id
        ? { intent: c.intent, ...(c.slotChecks ? { slotChecks: c.slotChecks } : {}) }
        : c,
    );
    // Act
    const start = () => createCodeHook(createSandboxCodeHookDeps(), withoutExecutor);
    // Assess
    expect(start).toThrow(
      expect.objectContaining({
        code: 'CAPABILITY_WIRING_INVALID',
        message:
          'The write intent "VendAccount" has no executor: its capability must define execute() or launch().',
      }),
    );
  });

  it('refuses a write intent with no capability at all', () => {
    // Prepare
    const without = DEFAULT_CAPABILITIES.filter((c) => c.intent !== 'RotateAccessKey');
    // Act
    const build = () => buildCapabilityMap(catalog, without);
    // Assess
    expect(build).toThrow('The write intent "RotateAccessKey" has no executor');
  });

  it('refuses two capabilities for the same intent', () => {
    // Act
    const build = () =>
      buildCapabilityMap(catalog, [...DEFAULT_CAPABILITIES, DEFAULT_CAPABILITIES[0] as Capability<unknown>]);
    // Assess
    expect(build).toThrow(CapabilityWiringError);
  });

  it('gives each write capability a plain-language plan that names its parameters', () => {
    // Prepare
    const map = buildCapabilityMap(catalog, DEFAULT_CAPABILITIES);
    const config = createSandboxCodeHookDeps().config;
    // Act
    const vend = map
      .get('VendAccount')
      ?.plan?.({ AccountName: 'data-lab', AccountEmail: 'dana@example.com' }, config);
    const rotate = map.get('RotateAccessKey')?.plan?.({ UserName: 'alice' }, config);
    // Assess
    expect(vend?.join('\n')).toContain('ProvisionProduct');
    expect(vend?.join('\n')).toContain('data-lab');
    expect(rotate?.join('\n')).toContain('IAM CreateAccessKey for alice');
  });
});
