// Every kind of audit entry, in one list: the writer accepts only these, the page filters by them.
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.locked_out",
  "auth.logout",
  "auth.logout_everywhere",
  "user.created",
  "user.deactivated",
  "user.reactivated",
  "user.role_changed",
  "user.password_reset",
  "user.password_changed",
  "settings.changed",
  "haul.rule_changed",
  "haul.rate_changed",
  "territory.changed",
  "template.changed",
  "export.leads",
  "export.audit",
  "lead.assigned",
  "lead.reassigned",
  "lead.converted",
  "lead.lost",
  "lead.reopened",
] as const;

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];
