/**
 * No import cycles among the application's modules, type-only imports included (eslint's
 * import/no-cycle ignores those, and a type cycle is still two modules that cannot be read
 * apart). Imports are resolved exactly as the compiler does, `@/` paths and all.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;

function compilerOptions(): ts.CompilerOptions {
  const file = path.join(ROOT, "tsconfig.json");
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
}

function sourceFiles(dir: string, skip: string[]): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.some((s) => full.startsWith(s))) continue;
    if (entry.isDirectory()) out.push(...sourceFiles(full, skip));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** Every file → the project files it imports (static, type-only, dynamic and re-exports). */
function importGraph(files: string[]): Map<string, string[]> {
  const options = compilerOptions();
  const inProject = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = info.importedFiles
      .map((ref) => ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((t): t is string => !!t && inProject.has(path.resolve(t)))
      .map((t) => path.resolve(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.map((f) => path.relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const projectFiles = () =>
  ["app", "components", "lib"]
    .flatMap((d) => sourceFiles(path.join(ROOT, d), [path.join(ROOT, "lib/generated")]))
    .concat(["proxy.ts", "instrumentation.ts"].map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f)));

describe("import cycles", () => {
  it("app/, components/ and lib/ import each other without cycles", () => {
    expect(cycles(importGraph(projectFiles()))).toEqual([]);
  });

  it("a type-only cycle is found (the check can fail)", () => {
    const dir = path.join(ROOT, "tests/fixtures/import-cycle");
    expect(cycles(importGraph(sourceFiles(dir, [])))).toEqual([
      ["tests/fixtures/import-cycle/a.ts", "tests/fixtures/import-cycle/b.ts"],
    ]);
  });
});
