"use client";

import { useId, useMemo, useRef, useState } from "react";
import { inputClass } from "@/components/ui/classes";

export type TMentionPerson = { id: number; name: string };

const MAX_OPTIONS = 8;

/** The "@word" being typed just before the caret, if any (start index and the text after "@"). */
function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || (at > 0 && !/\s/.test(before[at - 1]))) return null;
  const query = before.slice(at + 1);
  // A name has at most a few words; a line break or a long run ends the mention.
  if (query.includes("\n") || query.length > 40 || query.split(" ").length > 3) return null;
  return { start: at, query };
}

/**
 * A textarea with an @ picker: typing "@" opens a listbox of active users filtered by what follows;
 * ArrowDown/ArrowUp move, Enter or Tab picks, Escape closes. It is the WAI-ARIA combobox pattern
 * (the textarea is the combobox: aria-expanded, aria-controls, aria-activedescendant, options with
 * aria-selected), so a screen reader announces the options while focus stays in the text. Picked
 * users go with the form as `mention_ids`; the server keeps those whose "@Name" is still there.
 */
export function MentionTextarea({
  people,
  name = "body",
  label,
  defaultValue = "",
  initialMentionIds = [],
  errorId,
  invalid,
  autoFocus,
}: {
  people: TMentionPerson[];
  name?: string;
  label: string;
  defaultValue?: string;
  initialMentionIds?: number[];
  errorId?: string;
  invalid?: boolean;
  autoFocus?: boolean;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(defaultValue);
  const [picked, setPicked] = useState<number[]>(initialMentionIds);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);

  const options = useMemo(() => {
    if (!query) return [];
    const q = query.query.toLowerCase();
    return people.filter((p) => p.name.toLowerCase().includes(q)).slice(0, MAX_OPTIONS);
  }, [people, query]);
  const open = query !== null && options.length > 0;

  const update = (el: HTMLTextAreaElement) => {
    setText(el.value);
    const q = mentionQuery(el.value, el.selectionStart ?? el.value.length);
    setQuery(q);
    setActive(0);
  };
  const choose = (p: TMentionPerson) => {
    const el = ref.current;
    if (!el || !query) return;
    const caret = el.selectionStart ?? text.length;
    const insert = `@${p.name} `;
    const next = text.slice(0, query.start) + insert + text.slice(caret);
    setText(next);
    setPicked((ids) => (ids.includes(p.id) ? ids : [...ids, p.id]));
    setQuery(null);
    const pos = query.start + insert.length;
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(pos, pos);
    });
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i - 1 + options.length) % options.length);
    } else if (e.key === "Enter" || e.key === "Tab") {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
    }
  };

  return (
    <div className="relative text-sm font-medium">
      <label htmlFor={`${id}-text`}>{label}</label>
      <textarea
        ref={ref}
        id={`${id}-text`}
        name={name}
        value={text}
        rows={3}
        maxLength={5000}
        autoFocus={autoFocus}
        className={`${inputClass} font-normal`}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${listId}-${options[active].id}` : undefined}
        aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(" ")}
        aria-invalid={invalid || undefined}
        onChange={(e) => update(e.currentTarget)}
        onClick={(e) => update(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <p id={`${id}-hint`} className="text-xs font-normal text-slate-600">
        Team only, never sent to the customer. Type @ to mention a teammate.
      </p>
      <input type="hidden" name="mention_ids" value={picked.filter((pid) => text.includes(`@${people.find((p) => p.id === pid)?.name ?? "\u0000"}`)).join(",")} />
      <ul
        id={listId}
        role="listbox"
        aria-label="Teammates to mention"
        hidden={!open}
        className="absolute left-0 z-20 mt-1 max-h-60 w-64 max-w-full overflow-auto rounded border bg-white py-1 font-normal shadow-lg"
      >
        {options.map((p, i) => (
          <li
            key={p.id}
            id={`${listId}-${p.id}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-600 text-white" : "text-slate-800"}`}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(p);
            }}
          >
            {p.name}
          </li>
        ))}
      </ul>
    </div>
  );
}
