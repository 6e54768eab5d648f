import { noteSegments } from "@/lib/notes/note-rules";

/**
 * A note's text: line breaks kept, http(s) URLs as links, mentions highlighted, everything else as
 * React text (markup and script stay text; no HTML is ever injected).
 */
export function NoteText({ body, mentions }: { body: string; mentions: string[] }) {
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-800" data-testid="note-body">
      {noteSegments(body, mentions).map((s, i) =>
        s.kind === "link" ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline">
            {s.href}
          </a>
        ) : s.kind === "mention" ? (
          <span key={i} className="rounded bg-brand-50 px-0.5 font-medium text-brand-700">
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}
