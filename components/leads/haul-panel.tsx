import type { THaulEstimate, TRange } from "@/lib/haul/estimate-haul";
import { US_STATES } from "@/lib/geo/us-states";
import { formatMoney } from "@/components/leads/format";
import { DataTable, RowTh, Td, Th, THead, Tr } from "@/components/ui/data-table";

const range = (r: TRange | null) =>
  r === null ? "unknown" : r.low === r.high ? String(r.low) : `${r.low}–${r.high}`;
const miles = (n: number) => `${Math.round(n).toLocaleString("en-US")} mi`;

/**
 * The lead's haul (issue 16): escorts per state and for the whole route, the flags a dispatcher
 * must plan for, and the value range with its breakdown. States without rules say so.
 */
export function HaulPanel({ haul }: { haul: THaulEstimate }) {
  const flags = [
    haul.flags.police && "Needs police escort",
    haul.flags.superload && "Superload",
    haul.flags.routeSurvey && "Route survey",
    haul.flags.heightPole && "Height pole",
  ].filter((x): x is string => !!x);
  return (
    <div className="space-y-3 text-sm" data-testid="haul-panel">
      <p className="text-base">
        {haul.value ? (
          <>
            Worth{" "}
            <strong>
              {haul.value.low === haul.value.high
                ? formatMoney(haul.value.low)
                : `${formatMoney(haul.value.low)}–${formatMoney(haul.value.high)}`}
            </strong>{" "}
            · up to {range(haul.escorts)} escort{haul.escorts.high === 1 ? "" : "s"} at once ·{" "}
            {range(haul.escortMiles)} escort-miles
          </>
        ) : (
          <>Not priced: no state on this route has escort rules yet.</>
        )}
      </p>
      {flags.length ? (
        <ul className="flex flex-wrap gap-2" aria-label="Haul flags">
          {flags.map((f) => (
            <li key={f} className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">
              {f}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-slate-700">{haul.breakdown}</p>
      <DataTable caption="Escorts by state on the route">
        <THead>
          <tr>
            <Th>State</Th>
            <Th numeric>Miles</Th>
            <Th numeric>Escorts</Th>
            <Th>Front / rear</Th>
            <Th>Also</Th>
            <Th numeric>Permit</Th>
          </tr>
        </THead>
        <tbody>
          {haul.states.map((s) => (
            <Tr key={s.state}>
              <RowTh>
                {US_STATES[s.state]?.name ?? s.state} ({s.state})
              </RowTh>
              <Td numeric>{miles(s.miles)}</Td>
              <Td numeric>{s.known ? range(s.escorts) : "unknown"}</Td>
              <Td>{s.known ? `${range(s.front)} / ${range(s.rear)}` : "no rules yet"}</Td>
              <Td>
                {[
                  s.police && "police",
                  s.heightPole && "height pole",
                  s.routeSurvey && "route survey",
                  s.superload && "superload",
                  s.unverified && "unverified rule",
                ]
                  .filter(Boolean)
                  .join(", ") || "—"}
              </Td>
              <Td numeric>{s.permitFee === null ? "unknown" : formatMoney(s.permitFee)}</Td>
            </Tr>
          ))}
        </tbody>
      </DataTable>
      {haul.unknownStates.length ? (
        <p>
          Unknown: no escort rules for {haul.unknownStates.join(", ")} yet, so{" "}
          {haul.unknownStates.length === 1 ? "it is" : "they are"} not priced.
        </p>
      ) : null}
      {haul.milesSplitEvenly ? (
        <p className="text-slate-600">
          The route gave no miles per state: its {miles(haul.miles)} are split evenly.
        </p>
      ) : null}
      {haul.missing.length ? (
        <p className="text-slate-600">The load did not give: {haul.missing.join(", ")}.</p>
      ) : null}
    </div>
  );
}
