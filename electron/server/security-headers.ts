// The renderer's Content-Security-Policy: nothing from the network but the app's own origin, no
// inline or eval'd script, no plugins, no framing by others. Shared by the Electron shell and
// browser mode, and asserted in a test. Styles allow 'unsafe-inline': antd's CSS-in-JS and its
// rc-components insert <style> elements and style attributes at run time, and not all of them can
// carry a nonce (tried: Modal's scroll lock and others were blocked). Inline styles cannot run
// script or fetch beyond what the other directives allow.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
