import type { THaulChange } from "@/lib/haul/get-haul-settings";
import { ZonedTime } from "@/components/ui/zoned-time";

/** A rule's, the rate's or a fee's changes, newest first: who, when, and what moved. */
export function HaulHistory({ items, label }: { items: THaulChange[]; label: string }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700">
        History ({items.length}) <span className="sr-only">of {label}</span>
      </summary>
      {items.length ? (
        <ol className="mt-2 space-y-1 border-l pl-3" aria-label={`Changes to ${label}`}>
          {items.map((h, i) => (
            <li key={i}>
              <ZonedTime value={h.at} /> · {h.who}
              <ul className="list-disc pl-5 text-slate-700">
                {h.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-slate-600">Unchanged since it was seeded.</p>
      )}
    </details>
  );
}
