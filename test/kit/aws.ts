/**
 * The AWS calls an executor or look-up made, and whether its capability declared them: each SDK
 * client is mocked with `aws-sdk-client-mock` through the recorder, which reads every mocked
 * `send` as an IAM action (`organizations:ListAccountsForParent`) to compare with
 * `Capability.awsNeeds`.
 */
import type { MetadataBearer } from '@smithy/types';
import { type AwsStub, mockClient } from 'aws-sdk-client-mock';
import { awsNeedsOf, type Capability } from '../../handlers/capability';
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import { testConfig } from './deps';

/** IAM service prefixes of the SDK clients whose prefix is not their lower-cased name. */
const IAM_PREFIXES: Readonly<Record<string, string>> = {
  SecretsManagerClient: 'secretsmanager',
  ServiceCatalogClient: 'servicecatalog',
  SSOAdminClient: 'sso',
  IdentitystoreClient: 'identitystore',
};

/** What `mockClient` accepts (a client class or instance) with the class's name. */
type MockableClient<I extends object, O extends MetadataBearer, C> = Parameters<
  typeof mockClient<I, O, C>
>[0];

export interface AwsRecorder {
  /** Mocks every instance of `client` (configure answers on the returned stub, as usual). */
  mock<I extends object, O extends MetadataBearer, C>(client: MockableClient<I, O, C>): AwsStub<I, O, C>;
  /** Every call so far as an IAM action, in call order (repeats kept). */
  actions(): string[];
  /** Restores every mocked client. */
  restore(): void;
}

/** A recorder with no client mocked yet. */
export function recordAws(): AwsRecorder {
  const stubs: { prefix: string; stub: AwsStub<object, MetadataBearer, unknown> }[] = [];
  return {
    mock(client) {
      const stub = mockClient(client);
      const name = (typeof client === 'function' ? client : client.constructor).name;
      const prefix = IAM_PREFIXES[name] ?? name.replace(/Client$/, '').toLowerCase();
      stubs.push({ prefix, stub: stub as unknown as AwsStub<object, MetadataBearer, unknown> });
      return stub;
    },
    actions: () =>
      stubs.flatMap(({ prefix, stub }) =>
        stub
          .calls()
          .map((call) => `${prefix}:${(call.args[0] as object).constructor.name.replace(/Command$/, '')}`),
      ),
    restore: () => {
      for (const { stub } of stubs) stub.restore();
    },
  };
}

/** The actions among `actions` that none of `capabilities`' `awsNeeds` declares (each once, sorted). */
export function undeclaredActions(
  actions: readonly string[],
  capabilities: readonly Pick<Capability<never>, 'awsNeeds'>[],
  config: ChatOpsConfig = testConfig(),
): string[] {
  const declared = new Set(
    capabilities.flatMap((c) => awsNeedsOf(c, config)).flatMap((need) => need.actions),
  );
  return [...new Set(actions.filter((a) => !declared.has(a)))].sort();
}

/**
 * Throws when the recorder saw a call `capability` did not declare, naming the actions: the unit
 * test of an executor or adapter fails before the deployed role would refuse the call.
 */
export function expectDeclared(
  recorder: Pick<AwsRecorder, 'actions'>,
  capability: Pick<Capability<never>, 'awsNeeds' | 'intent'>,
  config: ChatOpsConfig = testConfig(),
): void {
  const missing = undeclaredActions(recorder.actions(), [capability], config);
  if (missing.length) {
    throw new Error(
      `${capability.intent} called AWS actions its capability does not declare in awsNeeds: ${missing.join(', ')}`,
    );
  }
}
