// Lint: the recommended TypeScript rules plus the few that catch real infrastructure bugs
// (a forgotten promise is a resource that silently never registers).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
    { ignores: ["build/**", "node_modules/**"] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        // Types come from one program, the root tsconfig.json (every file, tests and policy/ included).
        // `projectService` also built a second program from policy/tsconfig.json: 2.3x the CPU (issue 15).
        // `npm test` (tools/check.mjs) hands the linter the program it has just typechecked instead.
        languageOptions: { parserOptions: { project: ["./tsconfig.json"], tsconfigRootDir: import.meta.dirname } },
        rules: {
            "@typescript-eslint/no-floating-promises": "error",
            "@typescript-eslint/no-explicit-any": "error",
            "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
            eqeqeq: "error",
            "no-console": "off",
        },
    },
    // Plain JavaScript (this file, tools/check.mjs) is in no TypeScript program.
    {
        files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked,
        languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: "readonly", console: "readonly", URL: "readonly" } },
    },
);
