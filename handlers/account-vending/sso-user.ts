/**
 * The Account Factory SSO user (`SSOUserEmail`, `SSOUserFirstName`, `SSOUserLastName`) comes from the
 * requester's verified Slack profile (name and email from `users.info`, carried in the signed
 * identity), never from typed values.
 */
import { ChatOpsError } from '../errors';
import type { Requester } from '../ledger/request';

export interface SsoUser {
  email: string;
  firstName: string;
  lastName: string;
}

/** The requester's Slack profile lacks what Account Factory needs; the message says what to fix. */
export class SsoProfileError extends ChatOpsError {
  constructor(message: string) {
    super('SSO_PROFILE_INCOMPLETE', message);
  }
}

/**
 * The SSO user for `requester`: first name = every word but the last, last name = the last word.
 * @throws SsoProfileError without an email or with a one-word name
 */
export function ssoUserOf(requester: Pick<Requester, 'name' | 'email'>): SsoUser {
  const email = requester.email?.trim();
  if (!email) {
    throw new SsoProfileError(
      'Your Slack profile has no email address, and Account Factory makes you the SSO user of the new account from it. Ask a Slack admin to show emails to the ChatOps app, then ask again.',
    );
  }
  const words = (requester.name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length < 2) {
    throw new SsoProfileError(
      'Account Factory needs a first and a last name for the SSO user, taken from your Slack profile\'s full name. Set your full name (e.g. "Dana Smith") in Slack, then ask again.',
    );
  }
  return { email, firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] ?? '' };
}
