import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getHaulSettings } from "@/lib/haul/get-haul-settings";
import { describeRuleEffect, HAUL_DIMENSION_LABELS, HAUL_ROAD_TYPE_LABELS } from "@/lib/haul/haul-vocabulary";
import { HaulHistory } from "@/components/haul/haul-history";
import { HaulRuleForm } from "@/components/haul/haul-rule-form";
import { EscortMileRateForm, PermitFeeForm } from "@/components/haul/haul-rates-forms";
import { saveHaulRuleAction, setEscortMileRateAction, setPermitFeeAction } from "./actions";

export const metadata: Metadata = { title: "Haul rules" };

// Escort rules per state with their sources, the escort-mile rate and permit fees: what every
// lead's haul estimate is computed from (issue 16). Everyone reads; the manager edits.
export default async function HaulRulesPage() {
  const actor = await requirePageActor();
  const s = await getHaulSettings(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Haul rules</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Escorts each state requires by load size, with the source each figure was read in. Rows marked{" "}
          <strong>unverified</strong> come from third-party pages and still need the official text. A state
          without rules is &ldquo;unknown&rdquo; on every lead until one is added here.
        </p>
      </div>

      <section aria-labelledby="rates-h" className="space-y-2 rounded-lg border bg-white p-4">
        <h2 id="rates-h" className="font-semibold">
          Rates
        </h2>
        {s.canEdit ? (
          <EscortMileRateForm action={setEscortMileRateAction} rate={s.escortMileRate} />
        ) : (
          <p className="text-sm">Per escort-mile: ${s.escortMileRate.toFixed(2)}</p>
        )}
        <HaulHistory items={s.rateHistory} label="the escort-mile rate" />
      </section>

      {s.states.map((st) => (
        <section
          key={st.state}
          aria-labelledby={`state-${st.state}`}
          className="space-y-3 rounded-lg border bg-white p-4"
        >
          <h2 id={`state-${st.state}`} className="text-lg font-semibold">
            {st.name} ({st.state})
          </h2>
          <div className="space-y-1">
            {s.canEdit ? (
              <PermitFeeForm action={setPermitFeeAction} state={st.state} fee={st.permitFee} />
            ) : (
              <p className="text-sm">
                Permit fee: {st.permitFee === null ? "unknown" : `$${st.permitFee.toFixed(2)}`}
              </p>
            )}
            <HaulHistory items={st.feeHistory} label={`the permit fee in ${st.state}`} />
          </div>
          <ul className="space-y-3" aria-label={`Escort rules in ${st.state}`}>
            {st.rules.map((r) => {
              const label = `${st.state} ${HAUL_DIMENSION_LABELS[r.dimension].toLowerCase()}, ${HAUL_ROAD_TYPE_LABELS[r.roadType].toLowerCase()}, ${r.band}`;
              return (
                <li key={r.id} className="rounded border p-3" data-rule-id={r.id}>
                  <p className="font-medium">
                    {HAUL_DIMENSION_LABELS[r.dimension]} · {HAUL_ROAD_TYPE_LABELS[r.roadType]} · {r.band} →{" "}
                    {describeRuleEffect(r)}{" "}
                    <span
                      className={`ml-1 rounded px-1.5 py-0.5 text-xs ${r.verified ? "bg-emerald-100 text-emerald-900" : "bg-amber-100 text-amber-900"}`}
                    >
                      {r.verified ? "verified" : "unverified"}
                    </span>
                  </p>
                  {r.note ? <p className="text-sm text-slate-700">{r.note}</p> : null}
                  <p className="break-words text-xs text-slate-600">
                    Source: {r.source} · checked {r.checkedOn}
                  </p>
                  {s.canEdit ? (
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer text-slate-700">
                        Edit <span className="sr-only">{label}</span>
                      </summary>
                      <HaulRuleForm action={saveHaulRuleAction} rule={r} idPrefix={`rule-${r.id}`} />
                    </details>
                  ) : null}
                  <HaulHistory items={r.history} label={label} />
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      {s.canEdit ? (
        <section aria-labelledby="add-h" className="rounded-lg border bg-white p-4">
          <h2 id="add-h" className="font-semibold">
            Add a rule
          </h2>
          <p className="text-sm text-slate-600">
            For a new state, or a band a state&apos;s rules do not cover yet.
          </p>
          <HaulRuleForm action={saveHaulRuleAction} idPrefix="new-rule" />
        </section>
      ) : null}
    </div>
  );
}
