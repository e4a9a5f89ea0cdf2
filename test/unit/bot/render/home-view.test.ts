import { homeView } from '../../../../bot/render/home-view';
import { slackDate, statusLabel } from '../../../../bot/render/requests';
import { parseConfig } from '../../../../handlers/config/load-config';
import { localConfig } from '../../../../handlers/config/local-config';
import type { ChatOpsRequest } from '../../../../handlers/ledger/request';

const request = (id: string, status: ChatOpsRequest['status']): ChatOpsRequest => ({
  id,
  intent: 'RotateAccessKey',
  parameters: { UserName: 'alice' },
  requester: { teamId: 'T0SANDBOX', slackUserId: 'UALICE0001' },
  origin: { teamId: 'T0SANDBOX', channelId: 'DALICE0001' },
  status,
  version: 2,
  createdAt: '2024-01-01T10:00:00.000Z',
  updatedAt: '2024-01-01T10:05:00.000Z',
  idempotencyKey: `evt:${id}`,
});

describe('homeView', () => {
  it('shows each request with id, intent, status and parameters, in the given order', () => {
    // Prepare
    const requests = [request('REQ-BBBBBBBB', 'SUCCEEDED'), request('REQ-AAAAAAAA', 'PENDING_APPROVAL')];

    // Act
    const view = JSON.stringify(homeView(requests, false));

    // Assess
    expect(view.indexOf('REQ-BBBBBBBB')).toBeLessThan(view.indexOf('REQ-AAAAAAAA'));
    expect(view).toContain(statusLabel('SUCCEEDED'));
    expect(view).toContain('UserName: `alice`');
    expect(view).toContain(slackDate('2024-01-01T10:00:00.000Z'));
    expect(view).not.toContain('Showing your latest');
  });

  it('shows a pending request’s approvals so far, pending approvers and expiry', () => {
    // Prepare
    const pending: ChatOpsRequest = {
      ...request('REQ-CCCCCCCC', 'PENDING_APPROVAL'),
      approval: {
        digest: 'd',
        quorum: 2,
        expiresAt: '2024-01-02T10:00:00.000Z',
        plan: [],
        risk: 'high',
        votes: [
          {
            approver: 'bob@example.com',
            label: 'bob@example.com (UBOB00001)',
            at: 'x',
            via: 'link',
            digest: 'd',
          },
        ],
      },
    };

    // Act
    const view = JSON.stringify(homeView([pending], false, parseConfig(localConfig)));

    // Assess
    expect(view).toContain('Approvals: 1 of 2');
    expect(view).toContain('(bob@example.com (UBOB00001))');
    expect(view).toContain('Pending approvers: carol@example.com (UCAROL0001)');
    expect(view).toContain('Expires: 2024-01-02T10:00:00.000Z');
  });

  it('says when older requests are not shown', () => {
    // Prepare / Act
    const view = JSON.stringify(homeView([request('REQ-AAAAAAAA', 'RECEIVED')], true));

    // Assess
    expect(view).toContain('Showing your latest 1');
  });
});

describe('slackDate', () => {
  it('uses Slack’s date token with the ISO time as fallback', () => {
    // Prepare / Act / Assess
    expect(slackDate('2024-01-01T00:00:00.000Z')).toBe(
      '<!date^1704067200^{date_short_pretty} {time}|2024-01-01T00:00:00.000Z>',
    );
    expect(slackDate('not a date')).toBe('not a date');
  });
});
