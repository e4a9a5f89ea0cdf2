/** The App Home tab: the user's requests, newest first, with status (issue 4). */
import type { ChatOpsConfig } from '../../handlers/config/config.schema';
import type { ChatOpsRequest } from '../../handlers/ledger/request';
import type { Blocks } from '../slack/slack-gateway';
import { requestList } from './requests';

/** Requests shown on App Home (a Home view holds at most 100 blocks; each request uses 2). */
export const HOME_REQUEST_LIMIT = 20;

const EMPTY =
  'You have no requests yet. Send me a direct message such as _I need a new AWS account_ or ' +
  '_status of pipeline web-app_, or type `/chatops help`.';

/**
 * The Home view for a user with `requests` (newest first); with `config`, pending requests show
 * their approvals so far, pending approvers and expiry.
 */
export function homeView(
  requests: readonly ChatOpsRequest[],
  hasMore: boolean,
  config?: ChatOpsConfig,
  queuePositions: ReadonlyMap<string, number> = new Map(),
): { type: 'home'; blocks: Blocks } {
  const blocks: Blocks = [
    { type: 'header', text: { type: 'plain_text', text: 'My requests' } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Newest first. Ask me `status REQ-…` for the details of one.' }],
    },
    { type: 'divider' },
    ...requestList(requests, EMPTY, config, queuePositions),
  ];
  if (hasMore) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Showing your latest ${requests.length}. Older requests: \`/chatops status <id>\`.`,
        },
      ],
    });
  }
  return { type: 'home', blocks };
}
