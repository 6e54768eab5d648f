import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { command } from "@/lib/command";

export const ZListOutbox = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
const PAGE_SIZE = 20;

/** Messages kept in outbox mode (never sent), newest first: the manager sees all, a rep their own. */
export const listOutbox = command(ZListOutbox, async (actor, data) => {
  const where = { status: "simulated" as const, ...(can(actor, "metrics.team") ? {} : { senderId: actor.id }) };
  const [total, rows] = await Promise.all([
    db.emailMessage.count({ where }),
    db.emailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (data.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true, leadId: true, toEmail: true, fromEmail: true, replyTo: true, subject: true, bodyText: true, bodyHtml: true,
        createdAt: true, templateVersion: true,
        sender: { select: { name: true } },
        template: { select: { name: true } },
        lead: { select: { company: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    page: data.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    total,
    messages: rows.map((m) => ({
      id: m.id,
      leadId: m.leadId,
      companyName: m.lead?.company.name ?? null,
      to: m.toEmail,
      from: m.fromEmail,
      replyTo: m.replyTo,
      subject: m.subject,
      text: m.bodyText,
      html: m.bodyHtml,
      createdAt: m.createdAt.toISOString(),
      senderName: m.sender.name,
      templateName: m.template?.name ?? null,
      templateVersion: m.templateVersion,
    })),
  };
});
