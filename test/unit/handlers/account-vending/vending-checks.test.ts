import type { AccountVendingDeps } from '../../../../handlers/account-vending/account-vending.deps';
import {
  checkAccountEmail,
  checkAccountName,
  checkOrganizationalUnit,
} from '../../../../handlers/account-vending/vending-checks';
import type { Caller, SlotCheckContext } from '../../../../handlers/capability';
import { vendingWorld } from './support/vending-world';

const alice: Caller = {
  slackUserId: 'UALICE0001',
  teamId: 'T0SANDBOX',
  name: 'Alice Example',
  email: 'alice@example.com',
  roles: new Set(['requester']),
};

function context(
  w: ReturnType<typeof vendingWorld>,
  caller = alice,
  fresh = false,
): SlotCheckContext<AccountVendingDeps> {
  return {
    caller,
    slots: {},
    config: w.config,
    deps: { organization: w.organization, provisioning: w.provisioning },
    fresh,
  };
}

describe('VendAccount slot checks', () => {
  it('accepts an OU by name or by ou- id and sends it as "Name (ou-id)"', async () => {
    // Prepare
    const w = vendingWorld();
    // Act
    const byName = await checkOrganizationalUnit('workloads', context(w));
    const byId = await checkOrganizationalUnit('ou-sec1-33333333', context(w));
    // Assess
    expect(byName).toEqual({ ok: true, value: 'Workloads (ou-wkl1-22222222)' });
    expect(byId).toEqual({ ok: true, value: 'Security (ou-sec1-33333333)' });
  });

  it('asks back an ambiguous OU name with the paths, offering each as a button', async () => {
    // Prepare
    const w = vendingWorld();
    w.world.organizationalUnits.push({ id: 'ou-sbx1-55555555', name: 'Dev', path: 'Root / Sandbox / Dev' });
    // Act
    const result = await checkOrganizationalUnit('Dev', context(w));
    // Assess
    expect(result).toEqual({
      ok: false,
      message:
        'There are 2 organizational units called Dev: Root / Workloads / Dev (ou-wkl1-44444444), Root / Sandbox / Dev (ou-sbx1-55555555). Which one?',
      choices: [
        { text: 'Root / Workloads / Dev', value: 'ou-wkl1-44444444' },
        { text: 'Root / Sandbox / Dev', value: 'ou-sbx1-55555555' },
      ],
    });
  });

  it.each([
    ['a@b.c', 'is 5 characters'],
    [`${'x'.repeat(60)}@example.com`, 'is 72 characters'],
    ['dana smith@example.com', 'is not a valid email address'],
    ['dana@@example.com', 'is not a valid email address'],
  ])('refuses the email %s (%s) naming AWS rules', async (value, expected) => {
    // Prepare
    const w = vendingWorld();
    // Act
    const result = await checkAccountEmail(value, context(w));
    // Assess
    expect(result).toEqual({ ok: false, message: expect.stringContaining(expected) });
    if (!result.ok) expect(result.message).toContain('6 to 64 characters with exactly one @ and no spaces');
  });

  it('refuses an email or a name already used by an open request', async () => {
    // Prepare
    const w = vendingWorld();
    const open = await w.approved('data-lab');
    // Act
    const email = await checkAccountEmail('DATA-LAB@example.com', context(w));
    const name = await checkAccountName('Data-Lab', context(w));
    // Assess
    expect(email).toEqual({
      ok: false,
      message: expect.stringContaining(`already the owner of request ${open.id}`),
    });
    expect(name).toEqual({
      ok: false,
      message: expect.stringContaining(`Request ${open.id} is already creating`),
    });
  });

  it('refuses a name already used by an account of the organization', async () => {
    // Prepare
    const w = vendingWorld();
    // Act
    const result = await checkAccountName('log-archive', context(w));
    // Assess
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('already exists in the organization'),
    });
  });

  it('asks for a Slack profile with an email and a two-part name (the SSO user)', async () => {
    // Prepare
    const w = vendingWorld();
    const noEmail: Caller = { slackUserId: 'UX', teamId: 'T0SANDBOX', name: 'Dana Smith', roles: new Set() };
    const oneName: Caller = { ...noEmail, name: 'Dana', email: 'dana@example.com' };
    // Act
    const a = await checkAccountName('data-lab', context(w, noEmail));
    const b = await checkAccountName('data-lab', context(w, oneName));
    // Assess
    expect(a).toEqual({
      ok: false,
      message: expect.stringContaining('Your Slack profile has no email address'),
    });
    expect(b).toEqual({ ok: false, message: expect.stringContaining('a first and a last name') });
  });
});
