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
            // Unused locals and parameters are the compiler's (noUnusedLocals, noUnusedParameters; `_` names
            // exempt): typescript-eslint's FAQ for this rule names those options as the alternative. Both
            // were on, and the rule was 45 % of the lint's rule time (issue 15, decisions P15).
            "@typescript-eslint/no-unused-vars": "off",
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
