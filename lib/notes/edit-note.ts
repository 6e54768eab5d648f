import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { zId } from "@/lib/leads/lead-input";
import { findVisibleNoteForUpdate } from "@/lib/notes/note-thread";
import { notifyMentions } from "@/lib/notes/notify-mentions";
import { mayEditNote, NOTE_EDIT_MINUTES } from "@/lib/notes/note-rules";
import { ZMentionIds, ZNoteBody } from "@/lib/notes/note-input";

export const ZEditNote = z.object({ note_id: zId("note_id"), body: ZNoteBody, mention_ids: ZMentionIds });
export type TEditNote = z.input<typeof ZEditNote>;

/**
 * Changes a note's text: its author only, within NOTE_EDIT_MINUTES of writing it (then 403), and
 * never a deleted one (409). The note shows "edited" from then on. Users newly mentioned by the
 * edit are told; those told before are not told again. `now` pins the clock for tests.
 */
export const editNote = command(ZEditNote, async (actor, data, now: Date = new Date()) => {
  return db.$transaction(async (tx) => {
    const { note, thread } = await findVisibleNoteForUpdate(tx, actor, data.note_id);
    if (note.deleted_at) throw new AppError("CONFLICT", "This note was deleted");
    if (note.author_id !== actor.id) throw new AppError("FORBIDDEN", "Only its author can edit a note");
    if (!mayEditNote({ authorId: note.author_id, createdAt: note.created_at, deleted: false }, actor.id, now))
      throw new AppError("FORBIDDEN", `A note can be edited only within ${NOTE_EDIT_MINUTES} minutes of writing it`);
    const nowMentioned = await notifyMentions(tx, actor, { noteId: note.id, body: data.body, pickedIds: [...new Set([...data.mention_ids, ...note.mention_ids])], alreadyIds: note.mention_ids, thread });
    await tx.note.update({ where: { id: note.id }, data: { body: data.body, editedAt: now, mentionIds: [...new Set([...note.mention_ids, ...nowMentioned])] } });
    return { id: note.id, leadId: thread.leadId, companyId: thread.companyId, href: thread.href };
  });
});
