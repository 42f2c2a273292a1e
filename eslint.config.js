import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
          message: "Config is read once in src/config.ts.",
        },
      ],
    },
  },
);
