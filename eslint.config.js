import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import tseslint from "typescript-eslint";

/**
 * The layers of DESIGN.md, lowest first: each may import only those it lists (and itself). The domain is pure;
 * adapters see only ports and the domain; nothing in src/, bot/ or tab/ imports dev/, bench/ or tests/.
 */
const LAYERS = [
  { type: "logging", pattern: "src/logging/**", allow: [] },
  { type: "domain", pattern: "src/domain/**", allow: [] },
  { type: "policy", pattern: "src/policy/**", allow: ["domain"] },
  { type: "ports", pattern: "src/ports/**", allow: ["domain"] },
  { type: "app", pattern: "src/app/**", allow: ["domain", "policy", "ports", "logging"] },
  { type: "adapter", pattern: ["src/store/**", "src/graph/**"], allow: ["domain", "ports", "logging"] },
  { type: "jobs", pattern: "src/jobs/**", allow: ["domain", "policy", "ports", "logging", "app"] },
  { type: "api", pattern: "src/api/**", allow: ["domain", "policy", "ports", "logging", "app"] },
  { type: "bot", pattern: "bot/**", allow: ["domain", "policy", "ports", "logging", "app"] },
  {
    type: "compose",
    pattern: "src/compose/**",
    allow: ["domain", "policy", "ports", "logging", "app", "adapter", "jobs", "api", "bot"],
  },
  { type: "cli", pattern: "src/cli/**", allow: ["domain", "policy", "ports", "logging", "app", "compose"] },
  // Only the API's contract (plain types): see the tab's own rule below.
  { type: "tab", pattern: "tab/**", allow: ["api"] },
  { type: "dev", pattern: "dev/**", allow: ["*"] },
  { type: "bench", pattern: "bench/**", allow: ["*"], disallow: ["tests"] },
  { type: "tests", pattern: "tests/**", allow: ["*"] },
  { type: "manifest", pattern: "manifest/**", allow: ["*"], disallow: ["tests", "bench"] },
  { type: "deploy", pattern: "deploy/**", allow: ["*"], disallow: ["tests", "bench"] },
];

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "node_modules/",
      "tab/dist/",
      "bench/results/",
      "tests/artifacts/",
      "coverage/",
      ".deploy/",
      "build/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always"],
      "no-console": "off",
    },
  },
  {
    files: [
      "src/**/*.ts",
      "bot/**/*.ts",
      "tab/**/*.{ts,tsx}",
      "dev/**/*.ts",
      "bench/**/*.ts",
      "tests/**/*.{ts,tsx}",
      "manifest/**/*.ts",
      "deploy/**/*.ts",
    ],
    plugins: { boundaries },
    settings: {
      "import/resolver": {
        typescript: { project: ["./tsconfig.json", "./tab/tsconfig.json"], noWarnOnMultipleProjects: true },
      },
      "boundaries/elements": LAYERS.map(({ type, pattern }) => ({ type, pattern, partialMatch: false })),
      // The two entry points: they start the composition root (src/compose) and nothing else.
      "boundaries/files": [{ category: "entry", pattern: ["src/server.ts", "src/cli.ts"] }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message: "{{from.type}} may not import {{to.type}} (the layers in eslint.config.js and DESIGN.md)",
          policies: [
            {
              from: { file: { categories: "entry" } },
              allow: { to: { element: { types: { anyOf: ["compose", "cli"] } } } },
            },
            ...LAYERS.map(({ type, allow, disallow }) => ({
              from: { element: { type } },
              allow: {
                to: {
                  element: { types: { anyOf: allow.includes("*") ? LAYERS.map((l) => l.type) : [type, ...allow] } },
                },
              },
              ...(disallow ? { disallow: { to: { element: { types: { anyOf: disallow } } } } } : {}),
            })),
          ],
        },
      ],
      // Every file belongs to a layer: a new folder must be placed in LAYERS before it can import anything.
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    // The tab sees the service only through the API's contract: plain types, nothing that runs on the server.
    files: ["tab/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)src/(?!api/contract\\.js$)", message: "The tab imports only src/api/contract.ts." },
          ],
        },
      ],
    },
  },
  {
    // The pure core never reads the wall clock or the environment: time and config are arguments.
    files: ["src/domain/**/*.ts", "src/policy/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Pass `now` in; the domain has no clock.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Pass `now` in; the domain has no clock.",
        },
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Config is read once in src/compose/config.ts.",
        },
      ],
    },
  },
);
