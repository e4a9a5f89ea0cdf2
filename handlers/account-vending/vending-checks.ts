/**
 * VendAccount slot checks with real look-ups (DESIGN §2 step 3), run by the dialog hook (cached
 * look-ups, one minute) and again at fulfilment (`fresh`: never a stale "unused"). Uniqueness is
 * checked against the Organization's accounts and the ledger's open VendAccount requests.
 */
import type { Caller, SlotCheck, SlotCheckContext, SlotChoice } from '../capability';
import type { AccountVendingDeps } from './account-vending.deps';
import type { OrganizationalUnit } from './organization.port';
import { SsoProfileError, ssoUserOf } from './sso-user';

type Ctx = SlotCheckContext<AccountVendingDeps>;

const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;
const EMAIL_LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const EMAIL_DOMAIN =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;
/** An `ou-…` id anywhere in a value (a button sends the id, a checked value is `Name (ou-id)`). */
export const OU_ID = /\b(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})\b/;

const fail = (message: string, choices?: SlotChoice[]): SlotCheck =>
  choices ? { ok: false, message, choices } : { ok: false, message };

/** The unique values a VendAccount request claims while open (see Capability.uniqueKeys). */
export const accountNameKey = (name: string) => `VendAccount:AccountName:${name.trim().toLowerCase()}`;
export const accountEmailKey = (email: string) => `VendAccount:AccountEmail:${email.trim().toLowerCase()}`;

/** The open request holding `key` (one consistent read), unless it is this turn's own (a replay). */
async function openHolder(key: string, ctx: Ctx) {
  const holder = await ctx.deps.provisioning.openHolder(key);
  return holder && holder.idempotencyKey !== ctx.idempotencyKey ? holder : undefined;
}

/** The requester's profile must give Account Factory an SSO user; `undefined` when it does. */
export function profileProblem(caller: Caller): string | undefined {
  try {
    ssoUserOf(caller);
    return undefined;
  } catch (error) {
    if (error instanceof SsoProfileError) return error.message;
    throw error;
  }
}

/** AccountName: 1–50 printable ASCII characters, unused by an account or an open request. */
export async function checkAccountName(value: string, ctx: Ctx): Promise<SlotCheck> {
  const problem = profileProblem(ctx.caller);
  if (problem) return fail(problem);
  const name = value.trim();
  if (name.length === 0 || name.length > 50 || !PRINTABLE_ASCII.test(name)) {
    return fail(
      `"${name.slice(0, 60)}" is not a valid account name: use 1 to 50 printable ASCII characters (letters, digits, spaces and punctuation such as data-lab), it is ${name.length} long.`,
    );
  }
  const wanted = name.toLowerCase();
  const accounts = await ctx.deps.organization.listAccounts({ fresh: ctx.fresh });
  if (accounts.some((a) => a.name.toLowerCase() === wanted)) {
    return fail(`An account named ${name} already exists in the organization. Please choose another name.`);
  }
  const open = await openHolder(accountNameKey(name), ctx);
  if (open)
    return fail(
      `Request ${open.id} is already creating an account named ${name} (${open.status}). Please choose another name.`,
    );
  return { ok: true, value: name };
}

/** AccountEmail: AWS's rules (6–64 characters, one `@`, no spaces), a valid address, unused. */
export async function checkAccountEmail(value: string, ctx: Ctx): Promise<SlotCheck> {
  const email = value.trim().toLowerCase();
  const [local, domain, ...rest] = email.split('@');
  const rules = `an account email must be 6 to 64 characters with exactly one @ and no spaces (e.g. dana@example.com)`;
  if (email.length < 6 || email.length > 64)
    return fail(`"${value.slice(0, 70)}" is ${email.length} characters: ${rules}.`);
  if (/\s/.test(email) || rest.length > 0 || domain === undefined)
    return fail(`"${value.slice(0, 70)}" is not a valid email address: ${rules}.`);
  if (!local || !EMAIL_LOCAL.test(local) || !EMAIL_DOMAIN.test(domain)) {
    return fail(`"${value.slice(0, 70)}" is not a valid email address: ${rules}.`);
  }
  const domains = ctx.config.accountFactory.allowedEmailDomains;
  if (domains.length > 0 && !domains.includes(domain)) {
    return fail(
      `Account emails must be at one of these domains: ${domains.join(', ')}. Which email should own the account?`,
    );
  }
  const accounts = await ctx.deps.organization.listAccounts({ fresh: ctx.fresh });
  if (accounts.some((a) => a.email.toLowerCase() === email)) {
    return fail(
      `${email} already owns an AWS account in this organization. Please give an unused email address.`,
    );
  }
  const open = await openHolder(accountEmailKey(email), ctx);
  if (open)
    return fail(
      `${email} is already the owner of request ${open.id} (${open.status}). Please give an unused email address.`,
    );
  return { ok: true, value: email };
}

/**
 * The OUs as buttons: a click sends the name, or, when a name repeats, the `ou-…` id (labelled
 * with the path), both of which {@link checkOrganizationalUnit} accepts.
 */
export function ouChoices(ous: readonly OrganizationalUnit[]): SlotChoice[] {
  return ous.map((ou) => {
    const twins = ous.filter((o) => o.name.toLowerCase() === ou.name.toLowerCase()).length;
    return twins > 1 ? { text: ou.path, value: ou.id } : { text: ou.name, value: ou.name };
  });
}

/** OrganizationalUnit: an OU that exists, by name or `ou-…` id; ambiguous names are asked back. */
export async function checkOrganizationalUnit(value: string, ctx: Ctx): Promise<SlotCheck> {
  const ous = await ctx.deps.organization.listOrganizationalUnits({ fresh: ctx.fresh });
  const id = OU_ID.exec(value.toLowerCase())?.[1];
  const wanted = value.trim().toLowerCase();
  const matches = id
    ? ous.filter((o) => o.id === id)
    : ous.filter((o) => o.name.toLowerCase() === wanted || o.path.toLowerCase() === wanted);
  const [ou, second] = matches;
  if (ou && !second) return { ok: true, value: `${ou.name} (${ou.id})` };
  if (ou && second) {
    return fail(
      `There are ${matches.length} organizational units called ${ou.name}: ${matches.map((o) => `${o.path} (${o.id})`).join(', ')}. Which one?`,
      ouChoices(matches),
    );
  }
  return fail(
    `There is no organizational unit "${value.slice(0, 60)}". Choose one of: ${ous.map((o) => o.path).join(', ')}.`,
    ouChoices(ous),
  );
}

/** AccountType: `Sandbox` or `Production`. */
export async function checkAccountType(value: string): Promise<SlotCheck> {
  const match = ['Sandbox', 'Production'].find((t) => t.toLowerCase() === value.trim().toLowerCase());
  return match
    ? { ok: true, value: match }
    : fail(`"${value.slice(0, 40)}" is not an account type: the account type must be Sandbox or Production.`);
}
