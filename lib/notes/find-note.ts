import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { command } from "@/lib/command";
import { AppError } from "@/lib/errors";
import { zId } from "@/lib/leads/lead-input";
import { findVisibleThread } from "@/lib/notes/note-thread";

export const ZFindNote = z.object({ note_id: zId("note_id") });

/**
 * Where a note lives, for its permalink (/admin/crm/notes/[id], the link a mention sends): the
 * lead or company page with the note's anchor. A note on a thread the actor may not see is 404,
 * exactly like a note that does not exist.
 */
export const findNote = command(ZFindNote, async (actor, data): Promise<{ href: string }> => {
  const note = await db.note.findUnique({ where: { id: data.note_id }, select: { id: true, leadId: true, companyId: true } });
  if (!note) throw new AppError("NOT_FOUND", "Note not found");
  const thread = await findVisibleThread(actor, { lead_id: note.leadId, company_id: note.companyId });
  return { href: `${thread.href}#note-${note.id}` };
});
