import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, fieldForHeader } from "@/lib/import/import-fields";
import { mapImportHeaders } from "@/lib/import/map-import-headers";
import { normalizeImportRow } from "@/lib/import/normalize-import-row";

describe("import header mapping", () => {
  it("maps HubSpot's company export headers, leaving its record id and revenue unmapped", () => {
    const headers = ["Record ID", "Company name", "Company owner", "Create Date", "Phone Number", "Email", "City", "State/Region",
      "Lead Status", "DOT Number", "MC Number", "Annual Revenue", "Description"];
    expect(mapImportHeaders(headers)).toEqual([null, "company_name", "owner_email", "created_date", "phone", "email", "city", "state",
      "lead_status", "usdot", "mc_number", null, "notes"]);
  });

  it("maps Pipedrive's and Close's export headers", () => {
    expect(mapImportHeaders(["Organization - Name", "Person - Name", "Person - Email", "Person - Phone", "Organization - Owner",
      "Organization - Address - City/town", "Organization - Address - State/county", "Organization - Add time"])).toEqual([
      "company_name", "contact_name", "email", "phone", "owner_email", "city", "state", "created_date"]);
    expect(mapImportHeaders(["display_name", "status_label", "primary_contact_name", "primary_contact_email", "primary_contact_phone"]))
      .toEqual(["company_name", "lead_status", "contact_name", "email", "phone"]);
  });

  it("ignores case, spaces and punctuation", () => {
    expect(["company_NAME", "  Phone-Number ", "dot #", "U.S. DOT", "E-Mail", "contact name", "ContactName"].map(fieldForHeader))
      .toEqual(["company_name", "phone", "usdot", "usdot", "email", "contact_name", "contact_name"]);
    expect(fieldForHeader("Favourite colour")).toBeNull();
  });

  it("fills a field from its first column only", () => {
    expect(mapImportHeaders(["Email", "Person - Email", "Company"])).toEqual(["email", null, "company_name"]);
  });

  it("maps each field's own label and name to it", () => {
    expect(IMPORT_FIELDS.map((f) => fieldForHeader(IMPORT_FIELD_LABELS[f]))).toEqual([...IMPORT_FIELDS]);
    expect(IMPORT_FIELDS.filter((f) => fieldForHeader(f) !== f)).toEqual([]);
  });
});

describe("import row normalisation", () => {
  const headers = ["Company", "Phone", "State", "USDOT", "MC", "Email", "Created", "Value", "Status", "First Name", "Last Name"];
  const mapping = mapImportHeaders(headers);
  const row = (values: string[]) => normalizeImportRow({ row: 7, values }, headers, mapping);

  it("cleans every kind of value", () => {
    const { data, problems } = row(["  Lone Star ", "(512) 555-0100", "texas", "USDOT 1234567", "mc 998877", "Ops@LoneStar.Example",
      "3/5/2024", "$1,250.5", "Customer", "Dana", "Whitfield"]);
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ company_name: "Lone Star", phone: "+15125550100", state: "TX", usdot: "1234567", mc_number: "MC-998877",
      email: "ops@lonestar.example", created_date: "2024-03-05", estimated_value: "1250.50", lead_status: "converted",
      contact_name: "Dana Whitfield" });
  });

  it.each([
    ["+1 405 555 0123", "+14055550123"], ["405.555.0123 x12", "+14055550123"], ["4055550123", "+14055550123"],
  ])("phone %s is %s", (input, e164) => {
    expect(row(["Co", input, "", "", "", "", "", "", "", "", ""]).data.phone).toBe(e164);
  });

  it.each([["MC-12345", "MC-12345"], ["MC 12345", "MC-12345"], ["12345", "MC-12345"], ["MX#77", "MC-77"]])("MC %s is %s", (input, mc) => {
    expect(row(["Co", "", "", "", input, "", "", "", "", "", ""]).data.mc_number).toBe(mc);
  });

  it.each([["1.250,50", "1250.50"], ["2000,00", "2000.00"], ["980", "980.00"], ["USD 3,000", "3000.00"]])("amount %s is %s", (input, value) => {
    expect(row(["Co", "", "", "", "", "", "", input, "", "", ""]).data.estimated_value).toBe(value);
  });

  it("names the row, column and reason of every value it cannot clean, and requires a company", () => {
    const { problems } = row(["", "555-12", "Narnia", "12AB", "MC-ABC", "not-an-email", "sometime soon", "lots", "Maybe", "", ""]);
    expect(problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [7, "Phone", "Not a phone number"],
      [7, "State", "Not a US state"],
      [7, "USDOT", "A USDOT number is 1 to 8 digits"],
      [7, "MC", "An MC number is MC followed by up to 8 digits"],
      [7, "Email", "Not an email address"],
      [7, "Created", "Not a date"],
      [7, "Value", "Not an amount"],
      [7, "Status", expect.stringMatching(/^Unknown lead status/)],
      [7, "Company", "A company name is required"],
    ]);
  });

  it("reports values past the header's last column", () => {
    const { problems } = row(["Co", "", "", "", "", "", "", "", "", "", "", "stray"]);
    expect(problems).toEqual([expect.objectContaining({ column: "column 12", reason: expect.stringMatching(/^More values than the header/) })]);
  });
});
