import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/leads/or-not-found";
import { findNote } from "@/lib/notes/find-note";

/** A note's permalink (what a mention links to): its lead or company page at the note; 404 when not visible. */
export default async function NotePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { href } = await orNotFound(() => findNote(actor, { note_id: id }));
  redirect(href);
}
