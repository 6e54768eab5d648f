"use server";

import { defineAction } from "@/lib/action-client";
import { addTerritoryMember } from "@/lib/territories/add-territory-member";
import { createTerritory } from "@/lib/territories/create-territory";
import { deleteTerritory } from "@/lib/territories/delete-territory";
import { removeTerritoryMember } from "@/lib/territories/remove-territory-member";
import { renameTerritory } from "@/lib/territories/rename-territory";
import { setTerritorySettings } from "@/lib/territories/set-territory-settings";
import { setTerritoryStates } from "@/lib/territories/set-territory-states";

// The map, the pool and the call list all read territories: refresh them together.
const affected = () => ["/admin/crm/territories", "/admin/crm/pool", "/admin/crm/calls"];

export const createTerritoryAction = defineAction((actor, input) => createTerritory(actor, input as never), {
  revalidate: affected,
  success: (t) => `Created ${t.name}`,
});
export const renameTerritoryAction = defineAction((actor, input) => renameTerritory(actor, input as never), {
  revalidate: affected,
  success: () => "Renamed",
});
export const setTerritoryStatesAction = defineAction(
  (actor, input) => setTerritoryStates(actor, input as never),
  {
    revalidate: affected,
    success: (t) => `States saved: ${t.states.join(", ") || "none"}`,
  },
);
export const addTerritoryMemberAction = defineAction(
  (actor, input) => addTerritoryMember(actor, input as never),
  {
    revalidate: affected,
  },
);
export const removeTerritoryMemberAction = defineAction(
  (actor, input) => removeTerritoryMember(actor, input as never),
  {
    revalidate: affected,
  },
);
export const deleteTerritoryAction = defineAction((actor, input) => deleteTerritory(actor, input as never), {
  revalidate: affected,
});
export const setTerritorySettingsAction = defineAction(
  (actor, input) => setTerritorySettings(actor, input as never),
  {
    revalidate: affected,
    success: () => "Settings saved",
  },
);
