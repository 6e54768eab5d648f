// The rules of internal notes as plain data and functions (no database), so the composer and the
// thread in the browser decide what to show with the same words the domain functions check.

/** A note's author may change it this long after writing it; afterwards it stands as written. */
export const NOTE_EDIT_MINUTES = 15;
export const NOTE_MAX_CHARS = 5000;

/** Whether `actorId` may still edit the note at `now` (the author, within the window, not deleted). */
export function mayEditNote(note: { authorId: number; createdAt: Date | string; deleted: boolean }, actorId: number, now: Date): boolean {
  return !note.deleted && note.authorId === actorId && now.getTime() - new Date(note.createdAt).getTime() <= NOTE_EDIT_MINUTES * 60_000;
}

/** Whether the actor may delete the note: its author, or the manager (any note). */
export function mayDeleteNote(note: { authorId: number; deleted: boolean }, actor: { id: number; role: string }): boolean {
  return !note.deleted && (note.authorId === actor.id || actor.role === "super_admin");
}

/** The ids of `people` whose "@Name" is in the text (a mention picked and then erased does not count). */
export function mentionedIn(body: string, people: readonly { id: number; name: string }[]): number[] {
  return people.filter((p) => body.includes(`@${p.name}`)).map((p) => p.id);
}

export type TNoteSegment = { kind: "text"; text: string } | { kind: "link"; href: string } | { kind: "mention"; text: string };

const LINK_RE = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * A note's text as segments for React to render as text nodes and `<a>`s: only http(s) URLs
 * become links, everything else (markup, `javascript:`) stays text. Mentions of the given names
 * are marked so the thread can highlight them.
 */
export function noteSegments(body: string, names: readonly string[] = []): TNoteSegment[] {
  const out: TNoteSegment[] = [];
  const mention = names.length
    ? new RegExp(`@(?:${[...names].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "g")
    : null;
  const pushText = (text: string) => {
    if (!text) return;
    if (!mention) return void out.push({ kind: "text", text });
    let last = 0;
    for (const m of text.matchAll(mention)) {
      if (m.index! > last) out.push({ kind: "text", text: text.slice(last, m.index) });
      out.push({ kind: "mention", text: m[0] });
      last = m.index! + m[0].length;
    }
    if (last < text.length) out.push({ kind: "text", text: text.slice(last) });
  };
  let last = 0;
  for (const m of body.matchAll(LINK_RE)) {
    pushText(body.slice(last, m.index));
    out.push({ kind: "link", href: m[0] });
    last = m.index! + m[0].length;
  }
  pushText(body.slice(last));
  return out;
}
