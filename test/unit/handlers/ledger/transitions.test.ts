/** The table of allowed status transitions and the pure transition helpers. */
import { initialRequest, REQUEST_STATUSES, type RequestStatus } from '../../../../handlers/ledger/request';
import {
  ALLOWED_TRANSITIONS,
  applyTransition,
  isAllowedTransition,
  TERMINAL_STATUSES,
} from '../../../../handlers/ledger/transitions';
import { newRequest } from './ledger-contract';

describe('ALLOWED_TRANSITIONS', () => {
  it('gives terminal statuses no way out', () => {
    // Prepare
    const terminal: RequestStatus[] = ['REJECTED', 'EXPIRED', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
    // Act
    const exits = terminal.flatMap((from) => REQUEST_STATUSES.filter((to) => isAllowedTransition(from, to)));
    // Assess
    expect(exits).toEqual([]);
    expect([...TERMINAL_STATUSES].sort()).toEqual([...terminal].sort());
  });

  it.each([
    ['RECEIVED', 'PENDING_APPROVAL'],
    ['PENDING_APPROVAL', 'APPROVED'],
    ['PENDING_APPROVAL', 'REJECTED'],
    ['PENDING_APPROVAL', 'EXPIRED'],
    ['APPROVED', 'QUEUED'],
    ['QUEUED', 'IN_PROGRESS'],
    ['IN_PROGRESS', 'SUCCEEDED'],
  ] as [RequestStatus, RequestStatus][])('allows %s → %s', (from, to) => {
    // Prepare
    const table = ALLOWED_TRANSITIONS;
    // Act
    const allowed = isAllowedTransition(from, to);
    // Assess
    expect(allowed).toBe(true);
    expect(table[from]).toContain(to);
  });

  it.each([
    ['RECEIVED', 'SUCCEEDED'],
    ['RECEIVED', 'REJECTED'],
    ['PENDING_APPROVAL', 'IN_PROGRESS'],
    ['APPROVED', 'REJECTED'],
    ['IN_PROGRESS', 'CANCELLED'],
    ['REJECTED', 'APPROVED'],
    ['SUCCEEDED', 'FAILED'],
  ] as [RequestStatus, RequestStatus][])('refuses %s → %s', (from, to) => {
    // Prepare
    const table = ALLOWED_TRANSITIONS;
    // Act
    const allowed = isAllowedTransition(from, to);
    // Assess
    expect(allowed).toBe(false);
    expect(table[from]).not.toContain(to);
  });
});

describe('applyTransition', () => {
  it('bumps the version, keeps the approver, merges external ids and replaces the reason', () => {
    // Prepare
    const base = initialRequest(newRequest(), 'REQ-5G8H3N7Q', '2030-01-01T00:00:00.000Z');
    const current = { ...base, approver: 'UBOB00001', reason: 'old', externalIds: { recordId: 'rec-1' } };
    // Act
    const next = applyTransition(current, 'PENDING_APPROVAL', '2030-01-01T00:01:00.000Z', {
      externalIds: { accountId: '123456789012' },
    });
    // Assess
    expect(next).toMatchObject({
      status: 'PENDING_APPROVAL',
      version: 2,
      updatedAt: '2030-01-01T00:01:00.000Z',
    });
    expect(next.approver).toBe('UBOB00001');
    expect(next.externalIds).toEqual({ recordId: 'rec-1', accountId: '123456789012' });
    expect(next).not.toHaveProperty('reason');
    expect(current.reason).toBe('old');
  });
});
