import {
  canViewRequest,
  notVisibleMessage,
  visibleRequest,
} from '../../../../handlers/authz/request-visibility';
import { type ChatOpsRequest, initialRequest, type NewRequest } from '../../../../handlers/ledger/request';
import { loadFixture } from '../../../support/fixtures';

function aliceRequest(): ChatOpsRequest {
  return initialRequest(
    loadFixture<NewRequest>('ledger/new-request-vend-account.json'),
    'REQ-5G8H3N7Q',
    '2026-11-23T06:30:29.549Z',
  );
}

const caller = (slackUserId: string, ...roles: string[]) => ({ slackUserId, roles: new Set(roles) });

describe('the request-visibility rule', () => {
  it.each([
    ['the requester', caller('UALICE0001', 'requester')],
    ['an approver', caller('UBOB00001', 'approver')],
    ['an admin', caller('UCAROL0001', 'admin')],
  ])('lets %s see a request', (_who, who) => {
    // Act
    const seen = visibleRequest('REQ-5G8H3N7Q', aliceRequest(), who);
    // Assess
    expect(seen).toEqual({ visible: true, request: aliceRequest() });
    expect(canViewRequest(who, aliceRequest())).toBe(true);
  });

  it('hides it from anyone else with the same words as for a missing request', () => {
    // Act
    const notYours = visibleRequest('REQ-5G8H3N7Q', aliceRequest(), caller('UDAVE00001', 'requester'));
    const missing = visibleRequest('REQ-5G8H3N7Q', undefined, caller('UDAVE00001', 'requester'));
    // Assess
    expect(notYours).toEqual({ visible: false, message: notVisibleMessage('REQ-5G8H3N7Q') });
    expect(missing).toEqual(notYours);
    expect(notVisibleMessage('REQ-5G8H3N7Q')).toBe(
      'I cannot find a request REQ-5G8H3N7Q that you are allowed to see.',
    );
  });
});
