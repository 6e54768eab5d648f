// The declared set of {{variables}} a template may use. A name outside this list is an error when
// the template is saved, so a typo never reaches a prospect as a literal "{{compnay_name}}".
export const TEMPLATE_VARIABLES = [
  { name: "company_name", label: "Company name" },
  { name: "contact_name", label: "Contact's full name" },
  { name: "contact_first_name", label: "Contact's first name" },
  { name: "rep_name", label: "Your name" },
  { name: "rep_first_name", label: "Your first name" },
  { name: "rep_phone", label: "Your phone" },
  { name: "rep_email", label: "Your email" },
  { name: "route_origin", label: "Origin (city, state)" },
  { name: "route_destination", label: "Destination (city, state)" },
  { name: "route_miles", label: "Route miles" },
  { name: "load_description", label: "Load description" },
  { name: "quote_total", label: "Quote total ($)" },
  { name: "pickup_date", label: "Pickup date" },
  { name: "delivery_date", label: "Delivery date" },
] as const;

export type TVariableName = (typeof TEMPLATE_VARIABLES)[number]["name"];
/** A value per variable; null or empty means "this lead has no value for it". */
export type TVariableValues = Partial<Record<TVariableName, string | null>>;

export const VARIABLE_NAMES: ReadonlySet<string> = new Set(TEMPLATE_VARIABLES.map((v) => v.name));

/** Stand-in prospect for test emails and for previews when no lead is chosen. */
export const SAMPLE_LEAD_VALUES: TVariableValues = {
  company_name: "Lone Star Heavy Haul",
  contact_name: "Jordan Smith",
  contact_first_name: "Jordan",
  route_origin: "Austin, TX",
  route_destination: "Tulsa, OK",
  route_miles: "450",
  load_description: "Wind turbine blade",
  quote_total: "$1,250.00",
  pickup_date: "December 2, 2026",
  delivery_date: "December 4, 2026",
};
