/**
 * The approval API (DESIGN §2 Approval, §5): `GET|HEAD /approvals/{id}?token=…` renders the page and
 * never changes anything; `POST /approvals/{id}` (form: token, csrf, decision, comment) decides.
 * A thin adapter over the {@link ApprovalDesk}: routing, form parsing, CSRF and page rendering here;
 * tokens, policy, quorum and ledger decisions in the desk. The same handler serves API Gateway (the
 * Lambda entry) and the local approval server (local/approval-server.ts).
 *
 * Routing uses Powertools' event-handler `Router`. One thing it does not express: it answers 404
 * for a method with no route on an existing path, so the not-found handler turns other methods on
 * `/approvals/{id}` into 405 with `Allow` itself.
 */
import { Router } from '@aws-lambda-powertools/event-handler/http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { isRequestId, parseRequestId } from '../ledger/request-id';
import type { Logger } from '../logger';
import type { ApprovalDesk } from './approval-desk.port';
import {
  renderApprovalPage,
  renderDecidedPage,
  renderDeskRefusal,
  renderRefusalPage,
} from './page/approval-page';
import { csrfMatches, csrfValue } from './page/csrf';
import { parseDecisionForm } from './page/decision-form';
import { SECURITY_HEADERS } from './page/styles';

/** The CSRF key, and during a key rotation the previous one (still accepted on POST). */
export interface CsrfKeys {
  current: Uint8Array;
  previous?: Uint8Array;
}

export interface ApprovalApiDeps {
  desk: ApprovalDesk;
  /**
   * Key(s) of the page's CSRF values (see page/csrf.ts), at least 32 bytes: fixed, or read when
   * needed (e.g. derived from the approval token keys in Secrets Manager, cached by their provider).
   */
  csrfKey: Uint8Array | (() => Promise<CsrfKeys>);
  logger: Logger;
}

/** An API Gateway (REST, proxy) handler. */
export type ApprovalApiHandler = (
  event: APIGatewayProxyEvent,
  context?: Context,
) => Promise<APIGatewayProxyResult>;

const ALLOW = 'GET, HEAD, POST';
const APPROVAL_PATH = /\/approvals\/[^/]+\/?$/;
/** Tokens are URL-safe; anything else is refused before the desk sees it. */
const TOKEN_SYNTAX = /^[A-Za-z0-9._~+/=-]{1,2048}$/;

function html(status: number, body: string | null, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', ...headers },
  });
}

function refusal(status: number, message: string, head = false): Response {
  return html(status, head ? null : renderRefusalPage(status, message));
}

/** The request id of the path, or `undefined` when it is not one. */
function requestIdOf(raw: string | undefined): string | undefined {
  try {
    const id = parseRequestId(raw ?? '');
    return isRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** A cross-site POST is refused; requests without `Origin`/`Sec-Fetch-Site` are accepted. */
function crossSite(req: Request): boolean {
  const site = req.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = req.headers.get('origin');
  // `Referrer-Policy: no-referrer` makes browsers send `Origin: null` on form posts.
  if (!origin || origin === 'null') return false;
  const host = req.headers.get('host') ?? new URL(req.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Builds the approval API handler over `deps.desk`. */
export function createApprovalApi(deps: ApprovalApiDeps): ApprovalApiHandler {
  const { desk, logger } = deps;
  const keys = async (): Promise<CsrfKeys> =>
    typeof deps.csrfKey === 'function' ? deps.csrfKey() : { current: deps.csrfKey };
  const csrfOk = async (requestId: string, token: string, presented: string): Promise<boolean> => {
    const { current, previous } = await keys();
    return (
      csrfMatches(current, requestId, token, presented) ||
      (previous !== undefined && csrfMatches(previous, requestId, token, presented))
    );
  };
  const router = new Router();

  const show = async (rawId: string | undefined, req: Request, head: boolean): Promise<Response> => {
    const requestId = requestIdOf(rawId);
    if (!requestId) return refusal(404, 'That is not a request id this server knows.', head);
    const tokens = new URL(req.url).searchParams.getAll('token');
    const token = tokens.length === 1 ? (tokens[0] ?? '') : '';
    if (!TOKEN_SYNTAX.test(token))
      return refusal(
        403,
        'This link has no valid approval token. Use the link from your approval email.',
        head,
      );
    const result = await desk.inspect(requestId, token);
    logger.info('Approval page shown', {
      requestId,
      method: head ? 'HEAD' : 'GET',
      status: result.ok ? 200 : result.status,
    });
    if (!result.ok) return html(result.status, head ? null : renderDeskRefusal(result));
    const csrf = csrfValue((await keys()).current, requestId, token);
    return html(
      200,
      head ? null : renderApprovalPage({ view: result.view, approver: result.approver, token, csrf }),
    );
  };

  router.get('/approvals/:id', ({ params, req }) => show(params.id, req, false));
  router.head('/approvals/:id', ({ params, req }) => show(params.id, req, true));

  router.post('/approvals/:id', async ({ params, req }) => {
    const requestId = requestIdOf(params.id);
    if (!requestId) return refusal(404, 'That is not a request id this server knows.');
    const form = parseDecisionForm(req.headers.get('content-type'), await req.text());
    if (!form.ok) return refusal(400, form.message);
    if (!TOKEN_SYNTAX.test(form.token)) return refusal(403, 'The form carries no valid approval token.');
    if (crossSite(req) || !(await csrfOk(requestId, form.token, form.csrf))) {
      logger.warn('Approval POST refused: CSRF check failed', { requestId });
      return refusal(
        403,
        'This form did not come from the approval page for this link. Open the link from your email again and decide there.',
      );
    }
    const result = await desk.decideByToken({
      requestId,
      token: form.token,
      decision: form.decision,
      ...(form.comment ? { comment: form.comment } : {}),
    });
    logger.info('Approval POST', {
      requestId,
      decision: form.decision,
      status: result.ok ? 200 : result.status,
    });
    if (!result.ok) return html(result.status, renderDeskRefusal(result));
    return html(200, renderDecidedPage(result.outcome, result.view, result.message));
  });

  router.notFound(async (_error, { req }) => {
    if (APPROVAL_PATH.test(new URL(req.url).pathname) && !['GET', 'HEAD', 'POST'].includes(req.method)) {
      return html(405, renderRefusalPage(405, `This page answers ${ALLOW} only.`), { allow: ALLOW });
    }
    return refusal(404, 'There is no page here.', req.method === 'HEAD');
  });
  router.errorHandler(Error, async (error) => {
    logger.error('Approval API failed', { error });
    return html(
      500,
      renderRefusalPage(
        500,
        'The approval service failed; nothing was decided. Please try again in a minute.',
      ),
    );
  });

  return (event, context) =>
    // The router reads nothing of the Lambda context on this path; local callers have none.
    router.resolve(event, context ?? ({} as Context));
}
