import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers (docs/architecture.md): UI code never reaches the database, and domain code never
// reaches back into routes or UI. Relative spellings are caught too. Import cycles are checked by
// tests/unit/import-cycles.test.ts (eslint's import/no-cycle skips type-only imports and costs
// minutes here).
const uiMayNotImport = [
  {
    group: ["@/lib/db", "@/lib/db/**", "**/lib/db", "**/lib/db/**"],
    message: "components/ is UI only: call a server action or take data as props (lib/db is for domain code).",
  },
  {
    group: ["@prisma/*", "@/lib/generated", "@/lib/generated/**", "**/lib/generated/**"],
    message: "components/ never imports Prisma or its generated client: use the domain module's own types.",
  },
];
const libMayNotImport = [
  {
    group: ["@/app", "@/app/**", "**/../app", "**/../app/**"],
    message: "lib/ is below app/: routes call domain functions, never the other way round.",
  },
  {
    group: ["@/components", "@/components/**", "**/../components", "**/../components/**"],
    message: "lib/ is below components/: move what both need into lib/.",
  },
];

const config = [
  ...next,
  ...nextTs,
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: uiMayNotImport }] } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: libMayNotImport }] } },
  { ignores: ["lib/generated/**", ".next/**", ".data/**", "node_modules/**", "test-results/**", "next-env.d.ts"] },
];
export default config;
