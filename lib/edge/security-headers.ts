// Security headers of page responses (issue 10, finding 8), set by the edge
// middleware. Edge-safe: no imports. A fresh nonce per request goes into the
// Content-Security-Policy of the response AND of the request Next renders from:
// Next reads the nonce from the request's policy and puts it on every script it
// emits, so no inline script runs without it ('unsafe-inline' is never allowed
// for scripts; 'strict-dynamic' lets those scripts load Next's chunks).
// next.config.js adds the headers that do not depend on the request to every
// response (API and static files too).

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function contentSecurityPolicy(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    // Development only: React's dev build evaluates code (call stacks) and the dev server talks over a websocket.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers every page response carries besides the policy (next.config.js sets the same on other responses). */
export function staticSecurityHeaders(production: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(production ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
