import { createLeadEventStream } from "@/scripts/lib/lead-events";
import { newSecret, signedRequest } from "../fixtures/lead-webhook";

const SECRET = newSecret();
process.env.LEAD_WEBHOOK_SECRET = SECRET;

let POST: typeof import("@/app/api/webhooks/leads/route").POST;
beforeAll(async () => {
  ({ POST } = await import("@/app/api/webhooks/leads/route"));
});

/** One simulator run of `events` first-time companies; how many leads it created. */
async function simulate(options: { seed: number; run?: string; firstCompany: number }, events = 6) {
  const next = createLeadEventStream({ ...options, repeatShare: 0, conversions: true });
  let created = 0;
  for (let i = 0; i < events; i++) {
    const res = await POST(signedRequest(next(), { secret: SECRET }).request);
    expect(res.status).toBe(202);
    if (!((await res.json()) as { consolidated: boolean }).consolidated) created++;
  }
  return created;
}

describe("the demo-traffic simulator", () => {
  // A numbering of its own, so other files' simulated companies never meet these.
  const firstCompany = 1_500_000 + Math.floor(Math.random() * 500_000);

  it("makes new companies, hence new leads, on every run", async () => {
    expect(await simulate({ seed: 1, run: `t${firstCompany}a`, firstCompany })).toBe(6);
    expect(await simulate({ seed: 2, run: `t${firstCompany}b`, firstCompany })).toBe(6);
  });

  it("replays the same companies when asked to (no run tag): they join their open leads", async () => {
    expect(await simulate({ seed: 3, firstCompany: firstCompany + 1_000 })).toBe(6);
    expect(await simulate({ seed: 3, firstCompany: firstCompany + 1_000 })).toBe(0);
  });
});
