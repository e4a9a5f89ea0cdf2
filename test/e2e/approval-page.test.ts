/**
 * The approval page in Debian's Chromium (playwright-core): an approver opens the emailed link,
 * reads the details and the plan, approves and sees the result; the link then says "already
 * decided"; an HTML/script payload in a parameter renders as text and runs nothing; and the page
 * works with JavaScript disabled. A screenshot of the page is saved under test/e2e/__screenshots__/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ApprovalWorld, startApprovalWorld } from '../integration/support/approval-world';
import { type Browser, launchBrowser, SCREENSHOTS } from './support/browser';

const PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert("img")>';

describe('approval page in Chromium', () => {
  let world: ApprovalWorld;
  let browser: Browser;

  beforeEach(async () => {
    world = await startApprovalWorld();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await browser.close();
    await world.stop();
  });

  it('shows the details and plan from the emailed link, approves, and then says already decided', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const { page, dialogs, errors } = await browser.page({ mobile: true });

    // Act
    const opened = await page.goto(links['bob@example.com'] as string);
    const details = await page.locator('main').innerText();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'approval-page.png'), fullPage: true });
    await page.getByRole('button', { name: `Approve ${request.id}` }).click();
    await page.waitForLoadState();
    const result = await page.locator('h1').innerText();
    const errorsBeforeReopening = [...errors];
    const reopened = await page.goto(links['bob@example.com'] as string);
    const again = await page.locator('main').innerText();
    await world.approvals.handOff.idle();

    // Assess
    expect(opened?.status()).toBe(200);
    for (const text of [
      'UALICE0001',
      'alice@example.com',
      'VendAccount',
      'data-lab',
      'dana@example.com',
      'Workloads (ou-wkl1-22222222)',
      'ProvisionProduct',
    ]) {
      expect(details).toContain(text);
    }
    expect(result).toContain('Approved');
    expect(reopened?.status()).toBe(409);
    expect(again).toContain('Already decided');
    expect(dialogs).toEqual([]);
    expect(errorsBeforeReopening).toEqual([]);
    // Chromium reports a non-2xx document as a console error; that is the 409 page itself.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
    expect(world.executions.started.map((r) => r.id)).toEqual([request.id]);
  });

  it('renders an HTML/script payload in a parameter as inert text', async () => {
    // Prepare
    const { request, links } = await world.pending({
      parameters: {
        AccountName: PAYLOAD,
        AccountEmail: 'dana@example.com',
        OrganizationalUnit: 'Workloads (ou-wkl1-22222222)',
        AccountType: 'Sandbox',
      },
    });
    const { page, dialogs, errors } = await browser.page();

    // Act
    await page.goto(links['carol@example.com'] as string);
    const text = await page.locator('main').innerText();
    const scripts = await page.locator('script').count();
    const images = await page.locator('img').count();

    // Assess
    expect(text).toContain(PAYLOAD);
    expect(scripts).toBe(0);
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect((await world.ledger.get(request.id))?.status).toBe('PENDING_APPROVAL');
  });

  it('rejects with a comment with JavaScript disabled', async () => {
    // Prepare
    const { request, links } = await world.pending();
    const { page, errors } = await browser.page({ javaScriptEnabled: false });

    // Act
    await page.goto(links['bob@example.com'] as string);
    await page.locator('#comment-reject').fill('Use the Sandbox OU for sandboxes.');
    await page.getByRole('button', { name: `Reject ${request.id}` }).click();
    await page.waitForLoadState();
    const result = await page.locator('main').innerText();

    // Assess
    expect(result).toContain('Rejected');
    const after = await world.ledger.get(request.id);
    expect(after?.status).toBe('REJECTED');
    expect(after?.reason).toBe('Use the Sandbox OU for sandboxes.');
    expect(errors).toEqual([]);
  });
});
