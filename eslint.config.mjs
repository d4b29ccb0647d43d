// `npm run lint`: ESLint (this file) then `prettier --check`. Prettier owns the layout; ESLint owns
// correctness, React's rules and the architecture rules below (which folder may import which).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettier from "eslint-config-prettier";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

// --- Architecture ---------------------------------------------------------------------------------
// Each list is a set of `no-restricted-imports` patterns. A regex is matched against the specifier as
// written, so "../tickets/reply" and "../../server/tickets/reply" are both caught. ESLint does not merge
// a rule's options across blocks (the last matching block wins), so each block below lists every
// pattern that applies to its folders.

/** app/: pages only render and call tRPC; the database stays behind server/. */
const appPatterns = [
  {
    group: ["@prisma/*", "pg", "@electric-sql/pglite", "@electric-sql/pglite/*", "@electric-sql/pglite-*"],
    message: "Pages only render and call tRPC: the database (Prisma, pg, PGlite) stays behind server/.",
  },
  {
    regex: "(^|/)server/db/(generated(/|$)|(open|pglite|migrate)(\\.ts)?$)",
    message:
      "Pages only render and call tRPC: server/db's generated client and the code that opens or migrates the database stay behind server/.",
  },
];

/** server/ outside server/trpc (and server/rest, which calls it): tRPC is the outermost layer; nothing below it imports it. */
const trpcPatterns = [
  {
    regex: "(^|/)trpc(/|$)",
    message: "Only server/trpc (and app/) import tRPC routers and schemas: put shared types or zod schemas in server/validation.",
  },
];

/** The satellites around the ticket use-cases. */
const satellitePatterns = [
  ...trpcPatterns,
  {
    regex: "(^|/)(tickets|automation|after-commit)(/|$)",
    message:
      "Satellites do not call back into the ticket use-cases (server/tickets, server/automation, after-commit): pass what they need in.",
  },
];

/** server/domain: pure rules, no I/O. Type-only imports (e.g. the generated enums) are fine. */
const domainPatterns = [
  ...satellitePatterns,
  {
    regex: "(^|/)db(/(index|open|pglite|migrate)(\\.ts)?)?$",
    allowTypeImports: true,
    message: "server/domain holds pure rules: no database access (take a Tx or the data as an argument elsewhere).",
  },
  {
    regex: "(^|/)db/generated(/|$)",
    allowTypeImports: true,
    message: "server/domain holds pure rules: only type-only imports (`import type`) of server/db/generated.",
  },
  {
    group: ["fs", "fs/*", "node:fs", "node:fs/*", "pg", "@prisma/client", "@prisma/client/*"],
    allowTypeImports: true,
    message: "server/domain holds pure rules: no I/O (file system, database).",
  },
];

const restrict = (patterns) => ({ "@typescript-eslint/no-restricted-imports": ["error", { patterns }] });

const satellites = [
  "files",
  "sensitive",
  "sla",
  "notifications",
  "realtime",
  "lifecycle",
  "kb",
  "access",
  "events",
  "domain",
  "validation",
  "db",
  "errors",
  "i18n",
  "config",
  "email",
];

export default defineConfig([
  globalIgnores([
    "node_modules/",
    ".next/",
    "server/db/generated/",
    "data/",
    "test-results/",
    "playwright-report/",
    "blob-report/",
    ".test-counts/",
    "tests/e2e/.data/",
    "next-env.d.ts",
  ]),

  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },

  // Pages and components run in the browser as well as on the server.
  {
    files: ["app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["app/**/*.tsx"],
    extends: [react.configs.flat.recommended, react.configs.flat["jsx-runtime"]],
    settings: { react: { version: "detect" } },
    rules: {
      // TypeScript checks the props.
      "react/prop-types": "off",
    },
  },
  {
    // Custom hooks live in .ts files too (app/_lib/use-*.ts).
    files: ["app/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ["app/**/*.{ts,tsx}", "proxy.ts", "next.config.ts"],
    extends: [nextPlugin.configs["core-web-vitals"]],
    settings: { next: { rootDir: "." } },
  },

  // Architecture.
  { files: ["app/**/*.{ts,tsx}"], rules: restrict(appPatterns) },
  // server/rest is the REST channel on top of tRPC: it calls the procedures (createCaller).
  { files: ["server/**/*.ts"], ignores: ["server/trpc/**", "server/rest/**"], rules: restrict(trpcPatterns) },
  { files: satellites.map((dir) => `server/${dir}/**/*.ts`), rules: restrict(satellitePatterns) },
  { files: ["server/domain/**/*.ts"], rules: restrict(domainPatterns) },

  // Prettier formats; turn off every ESLint rule that would fight it.
  prettier,

  // eslint-config-prettier turns max-len off; it is wanted back as a check on what Prettier cannot
  // wrap (comments, long identifiers), with Prettier's own width.
  {
    rules: {
      "max-len": [
        "error",
        {
          code: 140,
          tabWidth: 2,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
          ignoreComments: false,
        },
      ],
    },
  },
]);
