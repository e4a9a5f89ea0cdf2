/**
 * The approval page's one stylesheet, inlined in a `<style>` element and allowed by the
 * Content-Security-Policy through its SHA-256 hash (no `'unsafe-inline'`, no second request).
 * Simple, responsive, readable on a phone.
 */
import { createHash } from 'node:crypto';

export const PAGE_CSS = [
  ':root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45}',
  'body{margin:0 auto;max-width:42rem;padding:1rem}',
  'h1{font-size:1.4rem;margin:.5rem 0 1rem}',
  'h2{font-size:1.1rem;margin:1.5rem 0 .5rem}',
  'dl{display:grid;grid-template-columns:minmax(7rem,max-content) 1fr;gap:.25rem .75rem;margin:0}',
  'dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}',
  'code,.value{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;overflow-wrap:anywhere}',
  'ol,ul{padding-left:1.25rem}li{margin:.2rem 0;overflow-wrap:anywhere}',
  '.note{color:#666;font-size:.9rem}',
  '.status{padding:.75rem 1rem;border-radius:.4rem;background:#eef3fb;border:1px solid #bcd}',
  '.risk-high{color:#b00020;font-weight:700}.risk-medium{color:#8a5a00;font-weight:700}',
  'form{margin:1rem 0;padding:1rem;border:1px solid #ccc;border-radius:.4rem}',
  'label{display:block;font-weight:600;margin-bottom:.25rem}',
  'textarea{box-sizing:border-box;width:100%;min-height:4rem;font:inherit}',
  'button{font:inherit;font-size:1.05rem;padding:.6rem 1.2rem;margin-top:.5rem;border-radius:.4rem;border:1px solid #555;cursor:pointer}',
  '.approve{background:#1a7f37;color:#fff;border-color:#1a7f37}.reject{background:#b00020;color:#fff;border-color:#b00020}',
  '@media (max-width:30rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}button{width:100%}}',
].join('\n');

/** The CSP source expression that allows exactly {@link PAGE_CSS}. */
export const PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS, 'utf8').digest('base64')}'`;

/** The headers every approval API response carries (DESIGN §2, issue 11). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'none'",
    `style-src ${PAGE_CSS_HASH}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
  'cross-origin-opener-policy': 'same-origin',
};
