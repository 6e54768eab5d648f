import { z } from "zod";
import { NOTE_MAX_CHARS } from "@/lib/notes/note-rules";

export const ZNoteBody = z
  .string({ error: "Write a note" })
  .trim()
  .min(1, "Write a note")
  .max(NOTE_MAX_CHARS, `A note has at most ${NOTE_MAX_CHARS} characters`);

/** The users the composer's @ picker chose: a list, or "3,7" from a form's hidden field. */
export const ZMentionIds = z
  .union([z.string(), z.array(z.union([z.number(), z.string()]))])
  .optional()
  .transform((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : (v ?? [])))
  .transform((v) => v.map(Number))
  .pipe(z.array(z.number().int("Not a user id").positive("Not a user id")).max(50, "Too many mentions"))
  .transform((ids) => [...new Set(ids)]);
