"use server";

import { defineAction } from "@/lib/action-client";
import { addTerritoryMember } from "@/lib/territories/add-territory-member";
import { createTerritory } from "@/lib/territories/create-territory";
import { deleteTerritory } from "@/lib/territories/delete-territory";
import { removeTerritoryMember } from "@/lib/territories/remove-territory-member";
import { renameTerritory } from "@/lib/territories/rename-territory";
import { setTerritorySettings } from "@/lib/territories/set-territory-settings";
import { setTerritoryStates } from "@/lib/territories/set-territory-states";
import { setSlaSettings } from "@/lib/sla/set-sla-settings";

// The map, the pool and the call list all read territories: refresh them together.
const affected = () => ["/admin/crm/territories", "/admin/crm/pool", "/admin/crm/calls"];

export const createTerritoryAction = defineAction(createTerritory, {
  revalidate: affected,
  success: (t) => `Created ${t.name}`,
});
export const renameTerritoryAction = defineAction(renameTerritory, {
  revalidate: affected,
  success: () => "Renamed",
});
export const setTerritoryStatesAction = defineAction(setTerritoryStates, {
  revalidate: affected,
  success: (t) => `States saved: ${t.states.join(", ") || "none"}`,
});
export const addTerritoryMemberAction = defineAction(addTerritoryMember, {
  revalidate: affected,
});
export const removeTerritoryMemberAction = defineAction(removeTerritoryMember, {
  revalidate: affected,
});
export const deleteTerritoryAction = defineAction(deleteTerritory, {
  revalidate: affected,
});
export const setTerritorySettingsAction = defineAction(setTerritorySettings, {
  revalidate: affected,
  success: () => "Settings saved",
});
// The timers and business hours change the dashboard's waiting list and the analytics figures.
export const setSlaSettingsAction = defineAction(setSlaSettings, {
  revalidate: () => ["/admin/crm/territories", "/admin/crm", "/admin/crm/analytics"],
  success: () => "Speed-to-lead settings saved",
});
