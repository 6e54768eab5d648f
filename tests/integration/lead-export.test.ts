import { db } from "@/lib/db";
import { GET as exportRoute } from "@/app/admin/crm/leads/export/route";
import { EXPORT_BATCH, exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { makeCompany, makeUser, uid } from "../fixtures/factories";
import { parseCsv } from "../fixtures/parse-csv";
import { params, routeRequest } from "../fixtures/route-request";

const N = 10_000;

async function readAll(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true }); // keep the BOM to check it is sent
  const chunks: string[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(decoder.decode(value, { stream: true }));
  }
  return chunks;
}

describe("CSV export", () => {
  const tag = uid();
  // Names a naive join would break: commas, quotes, a line break, a formula.
  const names = [
    `Acme, Heavy "Big" Haul ${tag}`,
    `Two\nLines ${tag}`,
    `=cmd ${tag} Transport`,
    `Plain ${tag} Carriers`,
  ];
  let companyIds: number[] = [];

  beforeAll(async () => {
    const companies = [];
    for (const name of names) companies.push(await makeCompany({ name }));
    companyIds = companies.map((c) => c.id);
    await db.salesLead.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        companyId: companyIds[i % companyIds.length],
        leadSource: "quote" as const,
        leadData: { pickup: { city: "Austin", state: "TX" }, delivery: { city: "Tulsa", state: "OK" } },
        estimatedValue: `${1000 + (i % 100)}.50`,
        states: ["TX", "OK"],
      })),
    });
  });

  it("streams 10 000 leads in batches with correct quoting", async () => {
    const { actor } = await makeUser();
    const stream = await exportLeadsCsv(actor, { filter: { q: tag } });
    const chunks = await readAll(stream);
    // The header, then one chunk per batch: the export never held all rows at once.
    expect(chunks.length).toBe(1 + N / EXPORT_BATCH);
    const text = chunks.join("");
    expect(text.startsWith("\uFEFFlead_id,status,source,company,")).toBe(true);

    const rows = parseCsv(text.slice(1));
    const [header, ...body] = rows;
    expect(body).toHaveLength(N);
    const col = (name: string) => header.indexOf(name);
    const ids = body.map((r) => Number(r[col("lead_id")]));
    expect(new Set(ids).size).toBe(N);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids); // newest first, no batch overlap
    const companies = new Set(body.map((r) => r[col("company")]));
    expect(companies).toEqual(new Set([names[0], names[1], `'${names[2]}`, names[3]]));
    for (const r of body) {
      expect(r).toHaveLength(header.length);
      expect(r[col("origin")]).toBe("Austin, TX");
      expect(r[col("estimated_value")]).toMatch(/^1\d{3}\.50$/);
    }
  });

  it("applies the filter and answers through the route as a session-checked attachment", async () => {
    const { user } = await makeUser();
    const res = await exportRoute(
      await routeRequest(`/admin/crm/leads/export?q=${encodeURIComponent(`Plain ${tag}`)}&value_min=1090`, {
        userId: user.id,
      }),
      params({}),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(await res.text()); // text() drops the BOM as any UTF-8 reader does
    expect(rows[0][0]).toBe("lead_id");
    // Plain is every 4th lead; value_min 1090 keeps i % 100 >= 90 (with 1000 + i % 100 + .50 >= 1090).
    const expected = Array.from({ length: N }, (_, i) => i).filter(
      (i) => i % 4 === 3 && i % 100 >= 90,
    ).length;
    expect(rows.length - 1).toBe(expected);

    const anonymous = await exportRoute(await routeRequest(`/admin/crm/leads/export?q=${tag}`), params({}));
    expect(anonymous.status).toBe(401);
    const bad = await exportRoute(
      await routeRequest(`/admin/crm/leads/export?status=sold`, { userId: user.id }),
      params({}),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([expect.objectContaining({ path: "filter.status.0" })]);
  });
});
