import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { getStateCoverage } from "@/lib/territories/get-state-coverage";
import { getCompanySettings } from "@/lib/kernel/company-settings";
import { listTerritories } from "@/lib/territories/list-territories";
import { listUsers } from "@/lib/users/list-users";
import { UsTileMap, type TMapState } from "@/components/territories/us-tile-map";
import { StateCoverageTable } from "@/components/territories/state-coverage-table";
import { TerritoryCard } from "@/components/territories/territory-card";
import { TerritorySettingsForm } from "@/components/territories/territory-settings-form";
import { SlaSettingsForm } from "@/components/territories/sla-settings-form";
import { RequestSettingsForm } from "@/components/requests/request-settings-form";
import { setRequestSettingsAction } from "../requests/actions";
import { CreateTerritoryForm } from "@/components/territories/create-territory-form";
import {
  addTerritoryMemberAction,
  createTerritoryAction,
  deleteTerritoryAction,
  removeTerritoryMemberAction,
  renameTerritoryAction,
  setTerritorySettingsAction,
  setSlaSettingsAction,
  setTerritoryStatesAction,
} from "./actions";

export const metadata: Metadata = { title: "Territories" };

// The manager manages every territory and sees the whole map; a rep sees their own territories,
// their states on the map and those states' figures.
export default async function TerritoriesPage() {
  const actor = await requirePageActor();
  const manager = can(actor, "territories.manage");
  const [territories, coverage, settings, reps] = await Promise.all([
    listTerritories(actor),
    getStateCoverage(actor),
    getCompanySettings(),
    manager ? listUsers({ activeOnly: true, role: "admin" }) : Promise.resolve([]),
  ]);
  const myStates = new Set(manager ? [] : territories.flatMap((t) => t.states));
  const mapStates: Record<string, TMapState> = Object.fromEntries(
    coverage.map((c) => [
      c.state,
      {
        reps: c.reps.length,
        territories: c.territories,
        leads: c.leads,
        unassigned: c.unassigned,
        mine: myStates.has(c.state),
      },
    ]),
  );
  const actions = {
    rename: renameTerritoryAction,
    setStates: setTerritoryStatesAction,
    addMember: addTerritoryMemberAction,
    removeMember: removeTerritoryMemberAction,
    remove: deleteTerritoryAction,
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{manager ? "Territories" : "My territories"}</h1>
        <p className="text-sm text-slate-600">
          Rules: <strong>{settings.territoryMode === "strict" ? "strict" : "open"}</strong> · auto-assignment{" "}
          <strong>{settings.autoAssign.enabled ? `on (cap ${settings.autoAssign.cap})` : "off"}</strong>
        </p>
      </div>
      <section aria-labelledby="map-h" className="rounded-lg border bg-white p-4">
        <h2 id="map-h" className="mb-2 font-semibold">
          Coverage map
        </h2>
        <UsTileMap
          states={mapStates}
          title={manager ? "Territory coverage by state" : "My territory states"}
        />
      </section>
      {!manager ? (
        <ul className="grid gap-3 sm:grid-cols-2">
          {territories.length === 0 ? (
            <li className="text-sm text-slate-600">You are not in a territory yet; ask your manager.</li>
          ) : null}
          {territories.map((t) => (
            <li
              key={t.id}
              className="rounded-lg border bg-white p-4"
              data-territory={t.name}
            >
              <h2 className="font-semibold">{t.name}</h2>
              <p className="text-sm">{t.states.join(", ")}</p>
              <p className="text-sm text-slate-600">
                With {t.members.map((m) => m.name).join(", ")} · {t.openLeads} open leads · {t.unassigned}{" "}
                unassigned
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <section aria-labelledby="settings-h" className="rounded-lg border bg-white p-4">
            <h2 id="settings-h" className="mb-3 font-semibold">
              Settings
            </h2>
            <TerritorySettingsForm settings={settings} action={setTerritorySettingsAction} />
          </section>
          <section aria-labelledby="sla-h" className="rounded-lg border bg-white p-4">
            <h2 id="sla-h" className="mb-3 font-semibold">
              Speed to lead
            </h2>
            <SlaSettingsForm settings={settings} action={setSlaSettingsAction} />
          </section>
          <section aria-labelledby="requests-h" className="rounded-lg border bg-white p-4">
            <h2 id="requests-h" className="mb-3 font-semibold">
              Handoffs and approvals
            </h2>
            <RequestSettingsForm settings={settings} action={setRequestSettingsAction} />
          </section>
          <section aria-labelledby="list-h" className="space-y-3">
            <h2 id="list-h" className="font-semibold">
              Territories
            </h2>
            <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
              {territories.map((t) => (
                <TerritoryCard
                  key={t.id}
                  territory={t}
                  reps={reps.map((r) => ({ id: r.id, name: r.name }))}
                  actions={actions}
                />
              ))}
            </div>
            <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
              <h3 className="mb-2 font-medium">New territory</h3>
              <CreateTerritoryForm action={createTerritoryAction} />
            </div>
          </section>
        </>
      )}
      <section aria-labelledby="states-h" className="space-y-2">
        <h2 id="states-h" className="font-semibold">
          By state
        </h2>
        <p className="text-xs text-slate-600">
          A route lead counts in every state it touches, so the rows add up to more than the total. Worked:
          open leads contacted in the last 7 days.
        </p>
        <StateCoverageTable rows={coverage} />
      </section>
    </div>
  );
}
