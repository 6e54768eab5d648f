// npm run simulate -- --events 200 --rate 20 [--url http://localhost:3000/api/webhooks/leads] [--seed N] [--replay]
// Signs and posts realistic free-tool events to a running CRM: new companies, repeats within the
// hour (they consolidate), quotes with totals, and orders that convert earlier leads. Every run
// makes companies of its own (so new leads); --replay sends the untagged companies again, the
// same ones for the same --seed.
// The secret is LEAD_WEBHOOK_SECRET's first one, else the one `npm run dev` wrote to .data/.
import { createLeadEventStream, newRunTag, newWebhookId, senderSecret, signWebhook } from "./lib/lead-events";

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const events = Number(arg("events") ?? arg("count") ?? 200);
  const rate = Number(arg("rate", "20"));
  const url = arg("url", `http://localhost:${process.env.PORT ?? 3000}/api/webhooks/leads`)!;
  const secret = arg("secret") ?? senderSecret();
  if (!secret) throw new Error("no secret: set LEAD_WEBHOOK_SECRET (or run `npm run dev` once, which writes .data/lead-webhook-secret)");
  if (!(events > 0 && events <= 100_000 && rate > 0 && rate <= 1_000)) throw new Error("--events 1..100000 and --rate 1..1000");
  const run = process.argv.includes("--replay") ? undefined : newRunTag();
  const next = createLeadEventStream({ seed: Number(arg("seed", String(Date.now()))), repeatShare: Number(arg("repeat", "0.3")), conversions: true, run });
  console.log(run ? `run ${run}: new companies` : "replay: the seed's companies again");

  const statuses: Record<string, number> = {};
  let created = 0;
  let consolidated = 0;
  let converted = 0;
  const started = Date.now();
  const MAX_IN_FLIGHT = 64;
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < events; i++) {
    // Paced against the clock, so a slow answer does not lower the rate of the rest.
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    // A bounded number of open requests: past what the server keeps up with, more sockets only
    // end in resets, not in more events delivered.
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const body = JSON.stringify(next());
    const p = fetch(url, { method: "POST", headers: signWebhook(secret, newWebhookId(), body), body, signal: AbortSignal.timeout(30_000) })
      .then(async (res) => {
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status !== 202) return console.error(`${res.status}: ${(await res.text()).slice(0, 200)}`);
        const answer = (await res.json()) as { consolidated: boolean; status: string };
        if (answer.status === "converted") converted++;
        if (answer.consolidated) consolidated++;
        else created++;
      })
      .catch((err) => {
        statuses.error = (statuses.error ?? 0) + 1;
        console.error(String(err));
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    if ((i + 1) % 50 === 0) console.log(`sent ${i + 1}/${events}`);
  }
  await Promise.all(inFlight);
  const seconds = (Date.now() - started) / 1000;
  console.log(`\n${events} events in ${seconds.toFixed(1)} s to ${url}`);
  console.log(`answers: ${JSON.stringify(statuses)}`);
  console.log(`new leads: ${created}, joined an open lead: ${consolidated}, converted: ${converted}`);
  process.exit(statuses[202] === events ? 0 : 1);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
