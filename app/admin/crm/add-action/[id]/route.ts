import { addSalesAction } from "@/lib/leads/add-sales-action";
import { leadEndpoint } from "@/lib/leads/lead-endpoint";

export const POST = leadEndpoint(addSalesAction);
