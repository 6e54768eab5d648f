import "server-only";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { findVisibleThread, ZNoteThread } from "@/lib/notes/note-thread";
import { mayDeleteNote, mayEditNote } from "@/lib/notes/note-rules";

export type TNoteItem = {
  id: number;
  author: { id: number; name: string };
  /** null once deleted. */
  body: string | null;
  createdAt: string;
  editedAt: string | null;
  deleted: { byName: string; at: string } | null;
  /** Names this note mentions, for highlighting. */
  mentions: string[];
  mayEdit: boolean;
  mayDelete: boolean;
};

/**
 * A lead's or a company's internal thread, oldest first (index notes(lead_id|company_id,
 * created_at)), for whoever may see it (404 otherwise). `now` pins the edit window for tests.
 */
export const listNotes = command(ZNoteThread, async (actor, data, now: Date = new Date()): Promise<TNoteItem[]> => {
  const thread = await findVisibleThread(actor, data);
  const rows = await db.note.findMany({
    where: thread.leadId ? { leadId: thread.leadId } : { companyId: thread.companyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { id: true, name: true } }, deletedBy: { select: { name: true } } },
  });
  const mentionIds = [...new Set(rows.flatMap((r) => r.mentionIds))];
  const names = new Map((await db.user.findMany({ where: { id: { in: mentionIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows.map((r) => {
    const deleted = r.deletedAt !== null;
    const rule = { authorId: r.authorId, createdAt: r.createdAt, deleted };
    return {
      id: r.id,
      author: r.author,
      body: deleted ? null : r.body,
      createdAt: r.createdAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
      deleted: deleted ? { byName: r.deletedBy?.name ?? "someone", at: r.deletedAt!.toISOString() } : null,
      mentions: r.mentionIds.map((id) => names.get(id)).filter((n): n is string => !!n),
      mayEdit: mayEditNote(rule, actor.id, now),
      mayDelete: mayDeleteNote(rule, actor),
    };
  });
});
