import {
  assertRendered,
  assertTemplateVariables,
  renderTemplate,
  scanVariables,
  variableToken,
} from "@/lib/email/render-template";
import { DEMO_TEMPLATES } from "@/scripts/lib/seed-demo";

const caught = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
};

describe("template fallbacks", () => {
  it("uses a quoted fallback (double or single quotes) only when the lead has no value", () => {
    const t = {
      subject: `Hi {{ contact_name | "there" }}`,
      body: "For {{company_name | 'your team'}}, {{rep_name}}",
    };
    expect(renderTemplate(t, { contact_name: null, company_name: "  ", rep_name: "Alex" })).toMatchObject({
      subject: "Hi there",
      text: "For your team, Alex",
      missing: [],
      unknown: [],
    });
    expect(
      renderTemplate(t, { contact_name: "Dana Reyes", company_name: "Summit", rep_name: "Alex" }),
    ).toMatchObject({
      subject: "Hi Dana Reyes",
      text: "For Summit, Alex",
    });
    expect(renderTemplate({ subject: "s", body: `Hi {{contact_first_name | ""}}!` }, {}).text).toBe("Hi !");
  });

  it("still refuses an unknown variable at save, fallback or not, and an unquoted fallback as malformed", () => {
    expect(scanVariables(`{{contact_name | "there"}} {{compnay_name | "x"}}`)).toEqual({
      used: ["contact_name"],
      unknown: ["compnay_name"],
      malformed: false,
    });
    expect(() => assertTemplateVariables({ subject: "ok", body: `Hi {{compnay_name | "there"}}` })).toThrow(
      /body: Unknown variable: \{\{compnay_name\}\}/,
    );
    expect(() => assertTemplateVariables({ subject: "ok", body: "Hi {{contact_name | there}}" })).toThrow(
      /body: A variable is not closed/,
    );
    expect(() =>
      assertTemplateVariables({ subject: "ok", body: `Hi {{contact_name | "there"}}` }),
    ).not.toThrow();
  });

  it("refuses at send, by name, a variable with no value and no fallback; the preview shows its label, never {{…}}", () => {
    const r = renderTemplate(
      { subject: "Quote {{quote_total}}", body: `Hi {{contact_name | "there"}}, pickup {{pickup_date}}` },
      {},
    );
    expect(r.missing.sort()).toEqual(["pickup_date", "quote_total"]);
    expect(r.subject).toBe("Quote [Quote total ($)]");
    expect(r.text).toBe("Hi there, pickup [Pickup date]");
    expect(`${r.subject} ${r.text} ${r.html}`).not.toContain("{{");
    expect(caught(() => assertRendered(r))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/No value for .*\{\{quote_total\}\}/),
    });
    expect(renderTemplate({ subject: "s", body: "{{compnay_name}}" }, {}).text).not.toContain("{{");
  });

  it("lets the variable picker insert a token with a fallback", () => {
    expect(variableToken("contact_name")).toBe("{{contact_name}}");
    expect(variableToken("contact_name", "  there ")).toBe(`{{contact_name | "there"}}`);
    expect(variableToken("contact_name", `say "hi" {x}`)).toBe(`{{contact_name | "say hi x"}}`);
    const inserted = variableToken("company_name", "your team");
    expect(renderTemplate({ subject: "s", body: inserted }, {}).text).toBe("your team");
  });

  it("lets the seeded Initial template go to a webhook lead that has no contact yet", () => {
    const initial = DEMO_TEMPLATES.find((t) => t.name === "Initial")!;
    assertTemplateVariables(initial);
    const r = renderTemplate(initial, {
      company_name: "Summit Freight",
      contact_name: null,
      contact_first_name: null,
      rep_name: "Sarah Chen",
      rep_phone: "+1 512 555 0102",
      route_origin: "Odessa, TX",
      route_destination: "Casper, WY",
    });
    expect(r.missing).toEqual([]);
    expect(r.text).toMatch(/^Hi there,/);
    expect(() => assertRendered(r)).not.toThrow();
  });
});
