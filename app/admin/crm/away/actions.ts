"use server";

import { defineAction } from "@/lib/action-client";
import { endAwayPeriod } from "@/lib/away/end-away-period";
import { setAwayPeriod } from "@/lib/away/set-away-period";

// The away page, the dashboard's "Away now" and the call list read the periods.
const paths = () => ["/admin/crm/away", "/admin/crm", "/admin/crm/calls"];
export const setAwayPeriodAction = defineAction(setAwayPeriod, { revalidate: paths });
export const endAwayPeriodAction = defineAction(endAwayPeriod, { revalidate: paths });
