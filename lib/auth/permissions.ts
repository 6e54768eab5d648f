// Who may do what (DESIGN §4) as data, not scattered ifs, for everything except the steps of a
// lead's lifecycle (claim, assign, release, work, reopen, email, call), whose rules depend on the
// lead's status too and live in lib/leads/lead-rules.ts. Domain functions call assertCan().
export type TRole = "admin" | "super_admin";
export type TActor = {
  id: number;
  role: TRole;
  name: string;
  email: string;
  /** A manager's reset: pages send the user to My account until they choose a password. */
  mustChangePassword?: boolean;
};
type TScope = "any" | "none";

export const PERMISSIONS = {
  "lead.read": { admin: "any", super_admin: "any" },
  "lead.create": { admin: "any", super_admin: "any" },
  "company.edit": { admin: "any", super_admin: "any" },
  "metrics.own": { admin: "any", super_admin: "any" },
  "metrics.team": { admin: "none", super_admin: "any" },
  "users.manage": { admin: "none", super_admin: "any" },
  "territories.manage": { admin: "none", super_admin: "any" },
  "templates.manage": { admin: "none", super_admin: "any" },
  "settings.manage": { admin: "none", super_admin: "any" },
  // the Jobs page: background job counts, errors, retry and cancel
  "jobs.manage": { admin: "none", super_admin: "any" },
  "audit.read": { admin: "none", super_admin: "any" },
  // escort rules, the escort-mile rate and permit fees (every rep reads them on the rules page)
  "haul.manage": { admin: "none", super_admin: "any" },
  // CSV import of companies and leads: it rewrites many companies at once
  "imports.manage": { admin: "none", super_admin: "any" },
  // the duplicates list and merging two companies (reps see "possible duplicate" and ask for a merge)
  "companies.merge": { admin: "none", super_admin: "any" },
  // inbound texts from numbers no company or contact has (the Texts page's list): nobody holds them yet
  "texts.unmatched": { admin: "none", super_admin: "any" },
} as const satisfies Record<string, Record<TRole, TScope>>;

export type TAct = keyof typeof PERMISSIONS;

export function can(actor: TActor, act: TAct): boolean {
  return PERMISSIONS[act][actor.role] === "any";
}

export function isManager(actor: TActor): boolean {
  return actor.role === "super_admin";
}
