import { can, PERMISSIONS, type TActor } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/assert-can";

const rep: TActor = { id: 1, role: "admin", name: "Rep", email: "rep@x" };
const manager: TActor = { id: 9, role: "super_admin", name: "Boss", email: "b@x" };

// Lead lifecycle steps have their own table: tests/unit/lead-rules.test.ts.
describe("permissions table (DESIGN §4)", () => {
  it("lets the manager do everything", () => {
    for (const act of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(manager, act)).toBe(true);
    }
  });

  it("lets a rep read and create leads but keeps manager-only areas from them", () => {
    expect(can(rep, "lead.read")).toBe(true);
    expect(can(rep, "lead.create")).toBe(true);
    for (const act of ["users.manage", "territories.manage", "templates.manage", "metrics.team", "settings.manage", "imports.manage", "texts.unmatched"] as const) {
      expect(can(rep, act)).toBe(false);
    }
  });

  it("answers 404 for a manager-only area", () => {
    expect(() => assertCan(rep, "users.manage")).toThrow(expect.objectContaining({ code: "NOT_FOUND", status: 404 }));
    expect(() => assertCan(manager, "users.manage")).not.toThrow();
  });
});
