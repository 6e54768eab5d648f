import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { zId } from "@/lib/leads/lead-input";
import { findVisibleNoteForUpdate } from "@/lib/notes/note-thread";
import { mayDeleteNote } from "@/lib/notes/note-rules";

export const ZDeleteNote = z.object({ note_id: zId("note_id") });
export type TDeleteNote = z.input<typeof ZDeleteNote>;

/**
 * Deletes a note: its author, or the manager (any note); another rep gets 403, a note already
 * deleted 409. The row stays as a tombstone — the thread shows "note deleted by …" — with its text
 * emptied; the text is kept only in the audit entry (`note.deleted`, manager-only reading).
 */
export const deleteNote = command(ZDeleteNote, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const { note, thread } = await findVisibleNoteForUpdate(tx, actor, data.note_id);
    if (note.deleted_at) throw new AppError("CONFLICT", "This note was already deleted");
    if (!mayDeleteNote({ authorId: note.author_id, deleted: false }, actor)) throw new AppError("FORBIDDEN", "Only its author or a manager can delete a note");
    await tx.note.update({ where: { id: note.id }, data: { body: "", deletedAt: new Date(), deletedById: actor.id } });
    await recordAudit(tx, {
      actor,
      action: "note.deleted",
      target: { type: "note", id: note.id },
      before: { lead_id: note.lead_id, company_id: note.company_id, author_id: note.author_id, body: note.body },
    });
    return { id: note.id, leadId: thread.leadId, companyId: thread.companyId, href: thread.href };
  });
});
