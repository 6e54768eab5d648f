import "server-only";
import type { TActor } from "@/lib/auth/permissions";
import type { TTx } from "@/lib/leads/lead-transaction";
import { notifyUser } from "@/lib/notifications/notify-user";
import { findVisibleThread, type TNoteThread } from "@/lib/notes/note-thread";
import { mentionedIn } from "@/lib/notes/note-rules";

/**
 * Resolves the mentions of a note and tells each newly mentioned user (inbox + live toast) in the
 * note's transaction. A mention counts when the composer picked the user (`pickedIds`) and "@Name"
 * is still in the text; only active users who may see the thread are told, never the author, and
 * never twice for one note (`alreadyIds`). Returns every id the note mentions now.
 */
export async function notifyMentions(
  tx: TTx,
  actor: TActor,
  p: { noteId: number; body: string; pickedIds: number[]; alreadyIds: number[]; thread: TNoteThread },
): Promise<number[]> {
  if (p.pickedIds.length === 0) return [];
  const people = await tx.user.findMany({ where: { id: { in: p.pickedIds }, active: true }, select: { id: true, name: true, role: true } });
  const mentioned = mentionedIn(p.body, people);
  for (const person of people) {
    if (!mentioned.includes(person.id) || p.alreadyIds.includes(person.id)) continue;
    // The notified user must be able to open what the link shows.
    const visible = await findVisibleThread(person, { lead_id: p.thread.leadId, company_id: p.thread.companyId }, tx).then(() => true, () => false);
    if (!visible) continue;
    await notifyUser(tx, {
      userId: person.id,
      kind: "mention",
      title: `${actor.name} mentioned you on ${p.thread.subject}`,
      body: p.body.length > 280 ? `${p.body.slice(0, 279)}…` : p.body,
      href: `/admin/crm/notes/${p.noteId}`,
      leadId: p.thread.leadId,
      actorId: actor.id,
    });
  }
  return mentioned;
}
