/** A lead's states, the ones inside my territories highlighted (the "why it's mine"). */
export function StateChips({ states, matched = [] }: { states: string[]; matched?: string[] }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {states.map((s) => {
        const hit = matched.includes(s);
        return (
          <span
            key={s}
            className={`rounded px-1.5 py-0.5 text-xs font-medium ${hit ? "bg-amber-100 text-amber-900 ring-1 ring-amber-400" : "bg-slate-100 text-slate-700"}`}
            title={hit ? "In your territory" : undefined}
          >
            {s}
            {hit ? <span className="sr-only"> (in your territory)</span> : null}
          </span>
        );
      })}
    </span>
  );
}
