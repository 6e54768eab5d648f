// The import's vocabulary: the fields a CSV column can fill, their labels, and the headers that
// other CRMs (HubSpot, Pipedrive, Close) and spreadsheets use for them. Pure data: the mapping
// screen (next step) shows the same labels the preview reports.

export const IMPORT_FIELDS = [
  "company_name",
  "contact_name",
  "contact_first_name",
  "contact_last_name",
  "email",
  "phone",
  "usdot",
  "mc_number",
  "state",
  "city",
  "lead_status",
  "owner_email",
  "source",
  "notes",
  "estimated_value",
  "created_date",
  "external_id",
] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<TImportField, string> = {
  company_name: "Company name",
  contact_name: "Contact name",
  contact_first_name: "Contact first name",
  contact_last_name: "Contact last name",
  email: "Email",
  phone: "Phone",
  usdot: "USDOT",
  mc_number: "MC number",
  state: "State",
  city: "City",
  lead_status: "Lead status",
  owner_email: "Owner email",
  source: "Source",
  notes: "Notes",
  estimated_value: "Estimated value",
  created_date: "Created date",
  external_id: "External id",
};

// Headers as people and exports write them; compared through headerKey(), so case, spaces and
// punctuation do not matter ("Organization - Name" = "organization name" = "OrganizationName").
// Deliberately absent: HubSpot's "Record ID" and Pipedrive's "Organization - ID". Our external id
// is the free tools' user id, and a company holding one is only matched by it, so another CRM's
// ids in that column would stop USDOT and email from finding the company the webhook made.
const HEADER_ALIASES: Record<TImportField, string[]> = {
  company_name: [
    "Company", "Company name", "Company Name", "Organization", "Organization - Name", "Organization name",
    "Account", "Account name", "Business name", "Carrier", "Carrier name", "Legal name", "Name", "display_name", "Lead name",
  ],
  contact_name: [
    "Contact", "Contact Name", "Person - Name", "Person name", "Full name", "Primary contact", "primary_contact_name",
    "Associated contact",
  ],
  contact_first_name: ["First Name", "First", "Given name", "Person - First name", "Contact first name"],
  contact_last_name: ["Last Name", "Last", "Surname", "Family name", "Person - Last name", "Contact last name"],
  email: [
    "Email", "E-mail", "Email address", "Person - Email", "Organization - Email", "Contact email", "Company email",
    "primary_contact_email", "Work email",
  ],
  phone: [
    "Phone", "Phone Number", "Telephone", "Tel", "Person - Phone", "Organization - Phone", "Contact phone", "Company phone",
    "primary_contact_phone", "Mobile", "Mobile phone number", "Cell", "Work phone",
  ],
  usdot: ["USDOT", "US DOT", "USDOT Number", "US DOT Number", "DOT", "DOT Number", "DOT #", "DOT No"],
  mc_number: ["MC", "MC Number", "MC #", "MC No", "MC Docket", "Docket number", "MC/MX Number"],
  state: ["State", "State/Region", "State/Province", "Province", "Region", "Organization - State", "Organization - Address - State/county", "State code"],
  city: ["City", "Town", "City/town", "Organization - City", "Organization - Address - City/town"],
  lead_status: ["Lead Status", "Status", "status_label", "Lead stage"],
  owner_email: [
    "Owner", "Owner email", "Company owner", "Contact owner", "Lead owner", "Organization - Owner", "Person - Owner",
    "Assigned to", "Sales rep", "user_email",
  ],
  source: ["Source", "Lead source", "Original source", "Organization - Source", "Original source type"],
  notes: ["Notes", "Note", "Description", "Comments", "About"],
  estimated_value: ["Estimated value", "Value", "Deal value", "Amount", "Expected revenue", "Deal - Value"],
  created_date: ["Created date", "Create Date", "Created", "Created at", "Date created", "date_created", "Add time", "Organization - Add time"],
  external_id: ["External id", "external_id"],
};

/** A header as compared: lower case, letters and digits only. */
export function headerKey(header: string): string {
  return header.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]/g, "");
}

const FIELD_BY_HEADER_KEY: ReadonlyMap<string, TImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => HEADER_ALIASES[field].map((alias) => [headerKey(alias), field] as const)),
);

/** The field a header names, or null when it is not one we know. */
export function fieldForHeader(header: string): TImportField | null {
  return FIELD_BY_HEADER_KEY.get(headerKey(header)) ?? null;
}
