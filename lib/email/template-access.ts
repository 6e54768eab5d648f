import { can, type TActor } from "@/lib/auth/permissions";

// Shared templates (no owner) are the manager's to change and everyone's to use; a personal
// template is its owner's alone. Nobody else learns it exists.
export type TTemplateAccess = "edit" | "use" | "none";

export function templateAccess(actor: TActor, template: { ownerId: number | null; archived?: boolean }): TTemplateAccess {
  if (template.ownerId === null) return can(actor, "templates.manage") ? "edit" : "use";
  return template.ownerId === actor.id ? "edit" : "none";
}

/** The where-clause of templates the actor may see and use. */
export function visibleTemplatesWhere(actor: TActor) {
  return { archived: false, OR: [{ ownerId: null }, { ownerId: actor.id }] };
}
