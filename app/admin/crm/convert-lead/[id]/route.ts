import { convertLead } from "@/lib/leads/convert-lead";
import { leadEndpoint } from "@/lib/leads/lead-endpoint";

export const POST = leadEndpoint(convertLead);
