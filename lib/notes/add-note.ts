import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { findVisibleThread, ZNoteThread } from "@/lib/notes/note-thread";
import { notifyMentions } from "@/lib/notes/notify-mentions";
import { ZMentionIds, ZNoteBody } from "@/lib/notes/note-input";

export const ZAddNote = z.intersection(ZNoteThread, z.object({ body: ZNoteBody, mention_ids: ZMentionIds }));
export type TAddNote = z.input<typeof ZAddNote>;

/**
 * Writes an internal note on a lead or a company thread the actor may see (404 otherwise) and
 * tells the users it mentions, in one transaction. Notes are team-only: nothing that reaches a
 * customer (email variables, exports) reads this table.
 */
export const addNote = command(ZAddNote, async (actor, data) => {
  return db.$transaction(async (tx) => {
    const thread = await findVisibleThread(actor, data, tx);
    const note = await tx.note.create({
      data: { leadId: thread.leadId, companyId: thread.companyId, authorId: actor.id, body: data.body },
      select: { id: true, createdAt: true },
    });
    const mentionIds = await notifyMentions(tx, actor, { noteId: note.id, body: data.body, pickedIds: data.mention_ids, alreadyIds: [], thread });
    if (mentionIds.length) await tx.note.update({ where: { id: note.id }, data: { mentionIds } });
    return { id: note.id, leadId: thread.leadId, companyId: thread.companyId, mentionIds, href: thread.href };
  });
});
