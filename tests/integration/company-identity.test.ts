// Company identity (issue 17): which company a webhook event lands on, rule by rule, and which
// shared keys only suggest a duplicate. Real signed webhooks through the route.
import { db } from "@/lib/db";
import { findCompanyDuplicates } from "@/lib/companies/find-company-duplicates";
import { makeUser, uid } from "../fixtures/factories";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

async function send(company: Record<string, unknown>) {
  const res = await POST(signedRequest(leadEvent("quote", { company }), { secret: SECRET }).request);
  expect(res.status).toBe(202);
  const { lead_id } = (await res.json()) as { lead_id: number };
  return (await db.salesLead.findUniqueOrThrow({ where: { id: lead_id } })).companyId;
}

// A company as an import or an older event left it: no external id, so the other rules may claim it.
async function unclaimed(overrides: Record<string, unknown> = {}) {
  const c = companyFor(uid(), { external_id: undefined, mc_number: undefined, ...overrides });
  const id = await send(c);
  return { id, c };
}

// Seven digits, unique enough per test run, for USDOT and MC numbers.
const digits = () => String(1_000_000 + Math.floor(Math.random() * 8_999_999));

describe("company identity rules", () => {
  it("external id: the same host-app user is the same company, whatever else changed", async () => {
    const c = companyFor();
    const first = await send(c);
    const again = await send({ ...c, usdot: digits(), email: `new_${uid()}@carrier.example`, name: "Renamed Carrier" });
    expect(again).toBe(first);
    expect((await db.company.findUniqueOrThrow({ where: { id: first } })).name).toBe("Renamed Carrier");
  });

  it("USDOT: an event with a new external id claims the unclaimed company of its USDOT", async () => {
    const { id, c } = await unclaimed();
    expect(await send(companyFor(uid(), { usdot: c.usdot }))).toBe(id);
  });

  it("MC number: matched on its digits whatever the spelling, and stored normalised", async () => {
    const mc = digits();
    const { id } = await unclaimed({ mc_number: `MC-0${mc}` });
    expect((await db.company.findUniqueOrThrow({ where: { id } })).mcNorm).toBe(mc);
    // Another USDOT and email, the same MC docket written differently.
    expect(await send(companyFor(uid(), { mc_number: `mc ${mc}` }))).toBe(id);
    // An FF docket of the same digits is another register: not a match.
    expect(await send(companyFor(uid(), { mc_number: `FF-${mc}` }))).not.toBe(id);
  });

  it("email: matched case-insensitively", async () => {
    const { id, c } = await unclaimed();
    expect(await send(companyFor(uid(), { email: c.email.toUpperCase() }))).toBe(id);
  });

  it("takes the strongest rule first: USDOT over MC over email", async () => {
    const mc = digits();
    const byUsdot = await unclaimed();
    const byMc = await unclaimed({ mc_number: `MC-${mc}` });
    const byEmail = await unclaimed();
    expect(await send(companyFor(uid(), { usdot: byUsdot.c.usdot, mc_number: `MC-${mc}`, email: byEmail.c.email }))).toBe(byUsdot.id);
    expect(await send(companyFor(uid(), { usdot: digits(), mc_number: `MC-${mc}`, email: byEmail.c.email }))).toBe(byMc.id);
  });

  it("phone: never merges an event, but stores E.164 and suggests the duplicate", async () => {
    const { actor } = await makeUser();
    const phone = `+1 (512) 8${String(Math.floor(Math.random() * 90) + 10)}-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const { id } = await unclaimed({ phone });
    const other = await send(companyFor(uid(), { phone: phone.replace(/[^\d]/g, "").slice(1) }));
    expect(other).not.toBe(id);
    const rows = await db.company.findMany({ where: { id: { in: [id, other] } }, select: { phoneNorm: true } });
    expect(new Set(rows.map((r) => r.phoneNorm))).toEqual(new Set([`+1${phone.replace(/[^\d]/g, "").slice(1)}`]));
    const dupes = await findCompanyDuplicates(actor, { company_id: id });
    expect(dupes.find((d) => d.id === other)?.reasons).toEqual(["phone"]);
  });

  it("name and state: a suggestion only", async () => {
    const { actor } = await makeUser();
    const name = `Lone Star ${uid()} Heavy Haul`;
    const a = await send(companyFor(uid(), { name, state: "TX", phone: undefined }));
    const b = await send(companyFor(uid(), { name: name.toUpperCase(), state: "TX", phone: undefined }));
    const elsewhere = await send(companyFor(uid(), { name, state: "OK", phone: undefined }));
    expect(new Set([a, b, elsewhere]).size).toBe(3);
    const dupes = await findCompanyDuplicates(actor, { company_id: a });
    expect(dupes.filter((d) => d.id === b || d.id === elsewhere).map((d) => [d.id, d.reasons])).toEqual([[b, ["name_state"]]]);
  });

  it("company_identity_match() keeps its three-argument form for the CSV import", async () => {
    const { id, c } = await unclaimed();
    const [row] = await db.$queryRaw<{ id: number }[]>`SELECT company_identity_match(NULL, ${c.usdot}, NULL) AS id`;
    expect(row.id).toBe(id);
    const [byMc] = await db.$queryRaw<{ id: number | null }[]>`SELECT company_identity_match(NULL, NULL, NULL, 'MC-no-digits') AS id`;
    expect(byMc.id).toBeNull();
  });

  it("company_identity_match_rule() says which rule found the company, strongest first, through a tombstone too", async () => {
    const claimed = companyFor();
    const claimedId = await send(claimed);
    const { id, c } = await unclaimed({ mc_number: `MC-${digits()}` });
    const rule = async (ext: string | null, usdot: string | null, email: string | null, mc: string | null) =>
      (await db.$queryRaw<{ id: number | null; rule: string | null }[]>`
        SELECT id, rule FROM company_identity_match_rule(${ext}, ${usdot}, ${email}, ${mc})`)[0];
    expect(await rule(claimed.external_id as string, c.usdot as string, null, null)).toEqual({ id: claimedId, rule: "external_id" });
    expect(await rule(null, c.usdot as string, c.email as string, c.mc_number as string)).toEqual({ id, rule: "usdot" });
    expect(await rule(null, digits(), c.email as string, c.mc_number as string)).toEqual({ id, rule: "mc" });
    expect(await rule(null, null, (c.email as string).toUpperCase(), null)).toEqual({ id, rule: "email" });
    expect(await rule(null, digits(), `nobody_${uid()}@x.example`, null)).toEqual({ id: null, rule: null });
    // A tombstone's identifiers name its survivor, by the rule that found the tombstone.
    await db.company.update({ where: { id }, data: { mergedIntoId: claimedId, mergedAt: new Date() } });
    expect(await rule(null, null, c.email as string, null)).toEqual({ id: claimedId, rule: "email" });
    // The older functions answer from the same rules.
    const [old] = await db.$queryRaw<{ m: number; r: number }[]>`
      SELECT company_identity_match(NULL, NULL, ${c.email}) AS m, company_identity_row(NULL, NULL, ${c.email}, NULL) AS r`;
    expect(old).toEqual({ m: claimedId, r: id });
  });
});
