import { leadEndpoint } from "@/lib/leads/lead-endpoint";
import { markLeadLost } from "@/lib/leads/mark-lead-lost";

export const POST = leadEndpoint(markLeadLost);
