/**
 * The Content-Security-Policy of every page, delivered as a <meta> tag (static hosts cannot be
 * assumed to set headers). Scripts only from the site itself (no WebAssembly since the search
 * no longer uses Pagefind's). Inline styles are allowed because the charts are SVG
 * from Observable Plot, which carry style attributes and a <style> element; no inline script is
 * allowed, and pages have no inline event handlers. Servers that can send headers should send
 * the same policy plus `frame-ancestors 'self'` (which a meta tag cannot carry).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
