import { assertRendered, assertTemplateVariables, renderTemplate, scanVariables, textToHtml } from "@/lib/email/render-template";
import { emailRecipients, leadVariableValues } from "@/lib/email/lead-variables";
import { parseAddress, formatAddress, replyTokenFrom } from "@/lib/email/email-config";
import { TEMPLATE_VARIABLES } from "@/lib/email/template-variables";
import { DEMO_TEMPLATES } from "@/scripts/lib/seed-demo";

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

const values = { company_name: "Lone Star Heavy Haul", contact_name: "Dana Reyes", rep_name: "Alex Rivera", rep_phone: "+1 512 555 0101" };

describe("renderTemplate", () => {
  it("fills declared variables in subject and body, with or without spaces inside the braces", () => {
    const r = renderTemplate({ subject: "Hi {{ contact_name }}", body: "{{rep_name}} here, for {{company_name}}." }, values);
    expect(r).toMatchObject({ subject: "Hi Dana Reyes", text: "Alex Rivera here, for Lone Star Heavy Haul.", missing: [], unknown: [] });
  });

  it("lists variables without a value and shows them by label; sending refuses naming each", () => {
    const r = renderTemplate({ subject: "Quote {{quote_total}}", body: "Pickup {{pickup_date}} for {{company_name}}" }, { ...values, pickup_date: "  " });
    expect(r.missing.sort()).toEqual(["pickup_date", "quote_total"]);
    expect(r.subject).toBe("Quote [Quote total ($)]"); // the preview names the gap, never a raw {{…}}
    expect(() => assertRendered(r)).toThrow(/No value for \{\{quote_total\}\}, \{\{pickup_date\}\}|No value for \{\{pickup_date\}\}, \{\{quote_total\}\}/);
    expect(caught(() => assertRendered(r))).toMatchObject({ status: 400, issues: [{ path: "body" }] });
    expect(() => assertRendered(renderTemplate({ subject: "ok", body: "{{company_name}}" }, values))).not.toThrow();
  });

  it("refuses unknown and unclosed variables before saving, naming them and the field", () => {
    expect(scanVariables("{{company_name}} {{compnay_name}} {{}}")).toEqual({ used: ["company_name"], unknown: ["compnay_name", "(empty)"], malformed: false });
    expect(() => assertTemplateVariables({ subject: "Hello {{compnay_name}}", body: "fine" })).toThrow(/subject: Unknown variable: \{\{compnay_name\}\}/);
    expect(() => assertTemplateVariables({ subject: "ok", body: "Hi {{contact_name}" })).toThrow(/body: A variable is not closed/);
    expect(caught(() => assertTemplateVariables({ subject: "{{a}}", body: "{{b}} {{c}}" }))).toMatchObject({
      status: 400,
      issues: [
        { path: "subject", message: "Unknown variable: {{a}}" },
        { path: "body", message: "Unknown variables: {{b}}, {{c}}" },
      ],
    });
    expect(() => assertTemplateVariables({ subject: "{{rep_name}}", body: TEMPLATE_VARIABLES.map((v) => `{{${v.name}}}`).join(" ") })).not.toThrow();
  });

  it("keeps the subject on one line", () => {
    expect(renderTemplate({ subject: "a\r\nBcc: x@y.z", body: "b" }, {}).subject).toBe("a Bcc: x@y.z");
  });

  it("escapes values and text in HTML and turns blank lines into paragraphs", () => {
    const r = renderTemplate({ subject: "s", body: "Hi {{company_name}},\n\nLine one\nline two & more\n\nhttps://example.com/quote?id=1&x=2." }, { company_name: `<script>alert("x")</script> & Sons` });
    expect(r.text).toContain(`<script>alert("x")</script> & Sons`);
    expect(r.html).not.toContain("<script>");
    expect(r.html).toContain("Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons,");
    expect(r.html.match(/<p /g)).toHaveLength(3);
    expect(r.html).toContain("Line one<br>\nline two &amp; more");
    expect(r.html).toContain('<a href="https://example.com/quote?id=1&amp;x=2">https://example.com/quote?id=1&amp;x=2</a>.');
    expect(textToHtml("\n\n")).not.toContain("<p");
  });

  it("renders every demo template against a demo-shaped quote lead with no gaps", () => {
    const lead = {
      id: 1,
      leadData: { pickup: { city: "Austin", state: "TX", date: "2026-12-02" }, delivery: { city: "Tulsa", state: "OK", date: "2026-12-04" }, total_cost: 1875.5, miles: 450 },
      company: { name: "Lone Star Heavy Haul", email: "ops@lonestar.example" },
      contacts: [{ name: "Dana Reyes", email: "dana@lonestar.example" }],
    };
    const v = leadVariableValues(lead, { name: "Alex Rivera", email: "alex@pilot-crm.test", phone: "+1 512 555 0101" });
    expect(v).toMatchObject({ route_origin: "Austin, TX", route_destination: "Tulsa, OK", quote_total: "$1,875.50", pickup_date: "December 2, 2026", contact_first_name: "Dana", rep_first_name: "Alex" });
    for (const t of DEMO_TEMPLATES) {
      assertTemplateVariables(t);
      expect(renderTemplate(t, v).missing).toEqual([]);
    }
  });
});

describe("lead variables and addresses", () => {
  const lead = {
    id: 1,
    leadData: { route: { origin: { city: "Odessa", state: "TX" }, destination: { city: "Casper", state: "WY" }, miles: 900 }, load: { description: "Transformer" } },
    company: { name: "Summit Freight", email: "OPS@summit.example" },
    contacts: [
      { name: "Pat One", email: "pat@summit.example" },
      { name: "Lee Two", email: "lee@summit.example" },
      { name: "No Mail", email: null },
    ],
  };
  const sender = { name: "Sarah Chen", email: "sarah@pilot-crm.test", phone: null };

  it("greets the contact written to and reports what the lead lacks", () => {
    const recipients = emailRecipients(lead);
    expect(recipients.map((r) => r.email)).toEqual(["pat@summit.example", "lee@summit.example", "OPS@summit.example"]);
    expect(leadVariableValues(lead, sender, "lee@summit.example").contact_name).toBe("Lee Two");
    expect(leadVariableValues(lead, sender, "ops@summit.example").contact_name).toBe("Pat One");
    const v = leadVariableValues(lead, sender);
    expect(v).toMatchObject({ route_origin: "Odessa, TX", route_destination: "Casper, WY", route_miles: "900", load_description: "Transformer", rep_phone: null, quote_total: null });
    expect(renderTemplate({ subject: "x", body: "{{rep_phone}} {{quote_total}}" }, v).missing).toEqual(["rep_phone", "quote_total"]);
  });
});

describe("addresses", () => {
  it("parses, formats and finds reply tokens", () => {
    expect(parseAddress("Pilot Sales <sales@example.com>")).toEqual({ email: "sales@example.com", name: "Pilot Sales" });
    expect(parseAddress("sales@example.com")).toEqual({ email: "sales@example.com" });
    expect(parseAddress("not an address")).toBeNull();
    expect(parseAddress(formatAddress({ email: "a@b.co", name: "Rivera, Alex" }))).toEqual({ email: "a@b.co", name: "Rivera, Alex" });
    expect(replyTokenFrom("Alex <replies+0A1b2c@reply.example.com>")).toBe("0a1b2c");
    expect(replyTokenFrom("someone@example.com")).toBeNull();
  });
});
