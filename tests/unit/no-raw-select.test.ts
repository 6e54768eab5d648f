// Every select a user meets is components/ui/select-field.tsx (its label, field error and
// aria-invalid wiring in one place). A raw <select> anywhere else in app/ or components/ fails
// here, naming the file and line.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const OWNER = path.join("components", "ui");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.(tsx|jsx|ts)$/.test(e.name) ? [rel] : [];
  });
}

function rawSelects(files: string[]): string[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (/<select(\s|>|$)/.test(line) ? [`${file}:${i + 1}`] : [])),
  );
}

describe("selects come from components/ui", () => {
  it("finds no raw <select> in app/ or components/ outside components/ui", () => {
    const files = [...sources("app"), ...sources("components")].filter((f) => !f.startsWith(OWNER + path.sep));
    expect(files.length).toBeGreaterThan(20);
    expect(rawSelects(files)).toEqual([]);
  });

  it("still sees the one in SelectField (the search itself works)", () => {
    expect(rawSelects([path.join(OWNER, "select-field.tsx")])).toHaveLength(1);
  });
});
