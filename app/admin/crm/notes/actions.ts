"use server";

import { defineAction } from "@/lib/action-client";
import { addNote } from "@/lib/notes/add-note";
import { deleteNote } from "@/lib/notes/delete-note";
import { editNote } from "@/lib/notes/edit-note";

// Each answer names its thread's page (lead or company), which re-reads the notes.
const thread = (r: { href: string }) => [r.href];
export const addNoteAction = defineAction(addNote, { revalidate: thread });
export const editNoteAction = defineAction(editNote, { revalidate: thread });
export const deleteNoteAction = defineAction(deleteNote, { revalidate: thread });
