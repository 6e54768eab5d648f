import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { command } from "@/lib/command";
import { zId } from "@/lib/leads/lead-input";
import { mayChangeSequence } from "@/lib/sequences/sequence-access";

export const ZArchiveSequence = z.object({ sequence_id: zId("Sequence") });

/** Hides a sequence from enrolment; leads already in it run to the end (stop them one by one). */
export const archiveSequence = command(ZArchiveSequence, async (actor, data): Promise<{ id: number }> => {
  const s = await db.sequence.findUnique({ where: { id: data.sequence_id } });
  if (!s || !mayChangeSequence(actor, s)) throw new AppError("NOT_FOUND", "Sequence not found");
  await db.sequence.update({ where: { id: s.id }, data: { archived: true } });
  return { id: s.id };
});
