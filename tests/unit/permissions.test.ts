import { can, PERMISSIONS, type TActor } from "@/lib/auth/permissions";
import { assertCan } from "@/lib/auth/assert-can";
import { AppError } from "@/lib/errors";

const rep: TActor = { id: 1, role: "admin", name: "Rep", email: "rep@x" };
const other: TActor = { id: 2, role: "admin", name: "Other", email: "o@x" };
const manager: TActor = { id: 9, role: "super_admin", name: "Boss", email: "b@x" };

describe("permissions table (DESIGN §4)", () => {
  it("lets a rep work only leads assigned to them", () => {
    expect(can(rep, "lead.work", { assignedAdminId: 1 })).toBe(true);
    expect(can(other, "lead.work", { assignedAdminId: 1 })).toBe(false);
    expect(can(rep, "lead.work", { assignedAdminId: null })).toBe(false);
    expect(can(rep, "lead.work")).toBe(false);
  });

  it("lets the manager do everything", () => {
    for (const act of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(manager, act, { assignedAdminId: 1 })).toBe(true);
    }
  });

  it("keeps manager-only acts from reps", () => {
    for (const act of ["lead.assign", "lead.reopen", "users.manage", "territories.manage", "templates.manage", "metrics.team"] as const) {
      expect(can(rep, act, { assignedAdminId: rep.id })).toBe(false);
    }
  });

  it("answers 404 for a manager-only area and 403 for someone else's lead", () => {
    const notFound = (() => {
      try {
        assertCan(rep, "users.manage");
      } catch (e) {
        return e;
      }
    })() as AppError;
    expect(notFound.status).toBe(404);
    expect(() => assertCan(other, "lead.work", { assignedAdminId: 1 })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});
