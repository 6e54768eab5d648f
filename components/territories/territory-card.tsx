"use client";

import type { TFormAction } from "@/lib/action-state";
import type { TTerritoryRow } from "@/lib/territories/list-territories";
import { ActionForm } from "@/components/territories/action-form";
import { compactInputClass as input, dangerButton } from "@/components/ui/classes";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { SelectField } from "@/components/ui/select-field";

export type TTerritoryCardData = TTerritoryRow;

type TActions = {
  rename: TFormAction;
  setStates: TFormAction;
  addMember: TFormAction;
  removeMember: TFormAction;
  remove: TFormAction;
};

/** The manager's editor for one territory: name, states, reps. */
export function TerritoryCard({
  territory: t,
  reps,
  actions,
}: {
  territory: TTerritoryCardData;
  reps: { id: number; name: string }[];
  actions: TActions;
}) {
  const candidates = reps.filter((r) => !t.members.some((m) => m.id === r.id));
  return (
    <section
      className="space-y-3 rounded-lg border bg-white p-4"
      aria-label={`Territory ${t.name}`}
      data-territory={t.name}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-lg font-semibold">{t.name}</h3>
        <p className="text-sm text-slate-600">
          {t.openLeads} open leads · {t.unassigned} unassigned
        </p>
      </div>
      <ActionForm action={actions.rename} hidden={{ territoryId: t.id }} submit="Rename" errorField="name">
        <label className="text-sm">
          <span className="sr-only">Name of {t.name}</span>
          <input name="name" defaultValue={t.name} required maxLength={80} className={input} />
        </label>
      </ActionForm>
      <ActionForm
        action={actions.setStates}
        hidden={{ territoryId: t.id }}
        submit="Save states"
        errorField="states"
      >
        <label className="flex-1 text-sm">
          States of {t.name} (codes, comma separated)
          <input
            name="states"
            defaultValue={t.states.join(", ")}
            className={`${input} mt-1 block w-full`}
            autoCapitalize="characters"
          />
        </label>
      </ActionForm>
      <div>
        <h4 className="text-sm font-medium">Reps</h4>
        <ul className="mt-1 flex flex-wrap gap-2">
          {t.members.length === 0 ? <li className="text-sm text-slate-600">No reps yet.</li> : null}
          {t.members.map((m) => (
            <li
              key={m.id}
              className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-3 pr-1 text-sm"
            >
              {m.name}
              {m.active ? "" : " (deactivated)"}
              <ConfirmAction
                action={actions.removeMember}
                fields={{ territoryId: t.id, userId: m.id }}
                label={<span aria-hidden>×</span>}
                ariaLabel={`Remove ${m.name} from ${t.name}`}
                className="rounded-full px-2 text-slate-600 hover:bg-slate-200"
                title={`Remove ${m.name} from ${t.name}?`}
                confirmLabel="Remove rep"
                success={`${m.name} removed from ${t.name}`}
              >
                {m.name} stops working {t.name}&apos;s states (the pool&apos;s territory match and
                auto-assignment). Leads they already hold stay theirs.
              </ConfirmAction>
            </li>
          ))}
        </ul>
      </div>
      {candidates.length ? (
        <ActionForm
          action={actions.addMember}
          hidden={{ territoryId: t.id }}
          submit="Add rep"
          errorField="userId"
          success="Rep added"
        >
          <SelectField
            label={<span className="sr-only">Rep to add to {t.name}</span>}
            className="text-sm"
            selectClassName={input}
            name="userId"
            defaultValue=""
            placeholder={{ label: "Choose a rep…", disabled: true }}
            options={candidates.map((r) => ({ value: String(r.id), label: r.name }))}
          />
        </ActionForm>
      ) : null}
      <div className="text-sm">
        <ConfirmAction
          action={actions.remove}
          fields={{ territoryId: t.id }}
          label={`Delete ${t.name}…`}
          className={dangerButton}
          title={`Delete territory ${t.name}?`}
          confirmLabel={`Delete ${t.name}`}
          success={`Deleted ${t.name}`}
        >
          Its {t.states.length} state{t.states.length === 1 ? "" : "s"} and {t.members.length} rep
          {t.members.length === 1 ? "" : "s"} are unlinked; no lead is deleted or reassigned.
        </ConfirmAction>
      </div>
    </section>
  );
}
