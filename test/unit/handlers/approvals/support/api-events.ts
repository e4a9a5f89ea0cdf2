/** API Gateway proxy events for the approval API, from the JSON fixtures of the real shape. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import getFixture from '../../../../fixtures/events/apigw-approval-get.json';
import postFixture from '../../../../fixtures/events/apigw-approval-post.json';

/** A GET (or HEAD, …) of `/approvals/{id}` with `?token=`. */
export function getEvent(
  options: { id?: string; token?: string; method?: string } = {},
): APIGatewayProxyEvent {
  const event = structuredClone(getFixture) as unknown as APIGatewayProxyEvent;
  const id = options.id ?? 'REQ-5G8H3N7Q';
  event.path = `/approvals/${id}`;
  event.pathParameters = { id };
  event.httpMethod = options.method ?? 'GET';
  event.queryStringParameters = options.token === undefined ? null : { token: options.token };
  event.multiValueQueryStringParameters = options.token === undefined ? null : { token: [options.token] };
  return event;
}

/** A POST of the approval form with `fields` url-encoded (and `headers` overriding the fixture's). */
export function postEvent(
  fields: Record<string, string>,
  options: { id?: string; headers?: Record<string, string | undefined>; rawBody?: string } = {},
): APIGatewayProxyEvent {
  const event = structuredClone(postFixture) as unknown as APIGatewayProxyEvent;
  const id = options.id ?? 'REQ-5G8H3N7Q';
  event.path = `/approvals/${id}`;
  event.pathParameters = { id };
  event.body = options.rawBody ?? new URLSearchParams(fields).toString();
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) {
      delete event.headers[name];
      delete event.multiValueHeaders[name];
    } else {
      event.headers[name] = value;
      event.multiValueHeaders[name] = [value];
    }
  }
  event.headers['Content-Length'] = String(Buffer.byteLength(event.body));
  event.multiValueHeaders['Content-Length'] = [event.headers['Content-Length']];
  return event;
}
