// Who may do what (DESIGN §4) as data, not scattered ifs. "own" means: only on a lead assigned
// to the actor. Domain functions call assertCan(); list queries use leadWhereFor() so the
// permission is part of the query itself.
export type TRole = "admin" | "super_admin";
export type TActor = { id: number; role: TRole; name: string; email: string };
type TScope = "any" | "own" | "none";

export const PERMISSIONS = {
  "lead.read": { admin: "any", super_admin: "any" },
  "lead.claim": { admin: "any", super_admin: "any" },
  "lead.create": { admin: "any", super_admin: "any" },
  "lead.assign": { admin: "none", super_admin: "any" },
  "lead.release": { admin: "own", super_admin: "any" },
  // add a sales action, send an email, convert, mark lost
  "lead.work": { admin: "own", super_admin: "any" },
  "lead.reopen": { admin: "none", super_admin: "any" },
  "company.edit": { admin: "any", super_admin: "any" },
  "metrics.own": { admin: "any", super_admin: "any" },
  "metrics.team": { admin: "none", super_admin: "any" },
  "users.manage": { admin: "none", super_admin: "any" },
  "territories.manage": { admin: "none", super_admin: "any" },
  "templates.manage": { admin: "none", super_admin: "any" },
  "settings.manage": { admin: "none", super_admin: "any" },
} as const satisfies Record<string, Record<TRole, TScope>>;

export type TAct = keyof typeof PERMISSIONS;

export function can(actor: TActor, act: TAct, lead?: { assignedAdminId: number | null }): boolean {
  const scope: TScope = PERMISSIONS[act][actor.role];
  if (scope === "any") return true;
  if (scope === "none") return false;
  return lead !== undefined && lead.assignedAdminId === actor.id;
}

export function isManager(actor: TActor): boolean {
  return actor.role === "super_admin";
}
