/**
 * The capabilities' declared AWS needs (`Capability.awsNeeds`) as IAM policy statements: exactly the
 * declared actions, on the declared resources, for the function that makes the calls. Pure (no CDK
 * constructs): the stack turns each statement into `iam.PolicyStatement.fromJson(statement)` on
 * the role of the function named by `by`, and acknowledges each `*` resource with the `reasons`.
 * Only the capabilities of the catalog config builds are granted, so an extension config leaves
 * off grants nothing.
 */

import type { AwsCaller } from '../handlers/capability';
import { awsNeedsOf } from '../handlers/capability';
import type { ChatOpsConfig } from '../handlers/config/config.schema';
import type { ChatOpsExtension } from '../handlers/extension';
import { capabilitiesFor, catalogFor } from '../handlers/extensions';

/** What fills `{partition}`, `{region}` and `{account}` in resource patterns (CDK tokens are fine). */
export interface GrantScope {
  partition: string;
  region: string;
  account: string;
}

/** One IAM statement (the policy-document JSON shape) and why each need behind it is there. */
export interface DeclaredGrant {
  statement: {
    Effect: 'Allow';
    Action: string[];
    Resource: string[];
    Condition?: Record<string, Record<string, string>>;
  };
  /** The intents that declared it. */
  intents: string[];
  /** Each need's `why`, for the reader of the policy and for cdk-nag acknowledgements. */
  reasons: string[];
}

function fill(pattern: string, scope: GrantScope): string {
  return pattern
    .replaceAll('{partition}', scope.partition)
    .replaceAll('{region}', scope.region)
    .replaceAll('{account}', scope.account);
}

/**
 * The statements the function `by` needs for the enabled capabilities (and `extra` extensions):
 * needs on the same resources and conditions are merged into one statement; actions are sorted
 * and each listed once; a capability that declares no needs adds nothing.
 * @example
 * for (const grant of declaredGrants(config, 'codeHook', stack)) {
 *   codeHook.addToRolePolicy(iam.PolicyStatement.fromJson(grant.statement));
 * }
 */
export function declaredGrants(
  config: ChatOpsConfig,
  by: AwsCaller,
  scope: GrantScope,
  extra: readonly ChatOpsExtension[] = [],
  /** Intents whose needs are granted some other way (the built-ins' hand-written policies). */
  skip: ReadonlySet<string> = new Set(),
): DeclaredGrant[] {
  const catalog = catalogFor(config, extra);
  const merged = new Map<string, { grant: DeclaredGrant; actions: Set<string> }>();
  for (const capability of capabilitiesFor(config, extra)) {
    if (!catalog.get(capability.intent) || skip.has(capability.intent)) continue;
    for (const need of awsNeedsOf(capability, config)) {
      if (!need.by.includes(by)) continue;
      const resources = [...new Set(need.resources.map((r) => fill(r, scope)))].sort();
      const condition = need.conditions
        ? JSON.parse(fill(JSON.stringify(need.conditions), scope))
        : undefined;
      const key = JSON.stringify([resources, condition ?? null]);
      let entry = merged.get(key);
      if (!entry) {
        entry = {
          grant: {
            statement: {
              Effect: 'Allow',
              Action: [],
              Resource: resources,
              ...(condition ? { Condition: condition } : {}),
            },
            intents: [],
            reasons: [],
          },
          actions: new Set(),
        };
        merged.set(key, entry);
      }
      for (const action of need.actions) {
        if (action.includes('*')) {
          throw new Error(
            `${capability.intent} declares the wildcard action "${action}"; declare each action.`,
          );
        }
        entry.actions.add(action);
      }
      if (!entry.grant.intents.includes(capability.intent)) entry.grant.intents.push(capability.intent);
      if (!entry.grant.reasons.includes(need.why)) entry.grant.reasons.push(need.why);
    }
  }
  return [...merged.values()].map(({ grant, actions }) => ({
    ...grant,
    statement: { ...grant.statement, Action: [...actions].sort() },
  }));
}
