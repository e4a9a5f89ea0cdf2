/**
 * The Enterprise Grid organisation a signed Slack payload came from, for the one-organisation rule
 * (handlers/identity/membership.ts). Slack puts it in different places per surface: Events API
 * `enterprise_id` and `authorizations[].enterprise_id` (https://docs.slack.dev/apis/events-api/#callback-field),
 * interactivity `enterprise.id` (https://docs.slack.dev/reference/interaction-payloads/block_actions-payload),
 * slash commands `enterprise_id`; Bolt also reads them into `context.enterpriseId`. Every candidate
 * comes from the signed body, never from user-typed text; `null` (outside Grid) and anything that
 * is not an enterprise id are ignored.
 */

const ENTERPRISE_ID = /^E[A-Z0-9]+$/;

/** `{ enterpriseId }` from the first candidate that is an enterprise id, else `{}`. */
export function payloadEnterprise(...candidates: readonly unknown[]): { enterpriseId?: string } {
  const found = candidates.find((c): c is string => typeof c === 'string' && ENTERPRISE_ID.test(c));
  return found ? { enterpriseId: found } : {};
}

/** The candidates of an Events API envelope (and Bolt's context) in order of authority. */
export function eventEnterprise(body: unknown, context: { enterpriseId?: string | undefined }) {
  const envelope = (body ?? {}) as {
    enterprise_id?: unknown;
    authorizations?: readonly { enterprise_id?: unknown }[];
  };
  return payloadEnterprise(
    envelope.enterprise_id,
    envelope.authorizations?.[0]?.enterprise_id,
    context.enterpriseId,
  );
}
