import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/permissions";
import { emailRecipients, leadVariableValues } from "@/lib/email/lead-variables";
import { LEAD_EMAIL_SELECT, loadSender, toLeadEmailRow } from "@/lib/email/load-email-context";
import { SAMPLE_LEAD_VALUES, type TVariableValues } from "@/lib/email/template-variables";
import { OPEN_STATUSES } from "@/lib/leads/lead-rules";

export type TPreviewLead = { id: number; label: string; values: TVariableValues };

/**
 * What a template can be previewed against, with the variable values: first the sample prospect
 * (id 0, the one test emails use), then the actor's own open leads (most recently active first),
 * or the newest leads when the actor has none.
 */
export async function listPreviewLeads(actor: TActor, options: { include?: number } = {}): Promise<TPreviewLead[]> {
  const select = LEAD_EMAIL_SELECT;
  const mine = await db.salesLead.findMany({
    where: { assignedAdminId: actor.id, status: { in: [...OPEN_STATUSES] } },
    orderBy: { lastActivityAt: "desc" },
    take: 25,
    select,
  });
  const leads = mine.length ? mine : await db.salesLead.findMany({ orderBy: { createdAt: "desc" }, take: 25, select });
  if (options.include && !leads.some((l) => l.id === options.include)) {
    const extra = await db.salesLead.findUnique({ where: { id: options.include }, select });
    if (extra) leads.unshift(extra);
  }
  const sender = await loadSender(actor.id);
  const blank = leadVariableValues({ id: 0, leadData: {}, company: { name: "", email: null }, contacts: [] }, sender);
  const sample: TPreviewLead = { id: 0, label: "Sample prospect", values: { ...blank, ...SAMPLE_LEAD_VALUES } };
  return [sample, ...leads.map((l) => {
    const lead = toLeadEmailRow(l);
    const to = emailRecipients(lead)[0]?.email;
    return { id: lead.id, label: `#${lead.id} ${lead.company.name}`, values: leadVariableValues(lead, sender, to) };
  })];
}
