import "server-only";
import { db } from "@/lib/db";

export type TLeadEmail = {
  id: number;
  subject: string;
  to: string;
  status: string;
  error: string | null;
  openCount: number;
  clickCount: number;
  replyCount: number;
  repliedAt: string | null;
  sentAt: string | null;
  createdAt: string;
  senderName: string;
  templateName: string | null;
  templateVersion: number | null;
};

/** A lead's emails, newest first, with delivery status and open/click/reply counts (every rep may read every lead). */
export async function listLeadEmails(leadId: number): Promise<TLeadEmail[]> {
  const rows = await db.emailMessage.findMany({
    where: { leadId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true, subject: true, toEmail: true, status: true, error: true, openCount: true, clickCount: true, repliedAt: true,
      sentAt: true, createdAt: true, templateVersion: true,
      sender: { select: { name: true } },
      template: { select: { name: true } },
      _count: { select: { events: { where: { event: "replied" } } } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    subject: m.subject,
    to: m.toEmail,
    status: m.status,
    error: m.error,
    openCount: m.openCount,
    clickCount: m.clickCount,
    replyCount: m._count.events,
    repliedAt: m.repliedAt?.toISOString() ?? null,
    sentAt: m.sentAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    senderName: m.sender.name,
    templateName: m.template?.name ?? null,
    templateVersion: m.templateVersion,
  }));
}
