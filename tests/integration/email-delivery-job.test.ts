// A message and its email-deliver job are made in one transaction: a committed message always has
// its job (so a server stopping right after the commit loses nothing), and a failure after the
// message's insert leaves neither.
import { db } from "@/lib/db";
import { inFlightGraceMs } from "@/lib/email/deliver-queued-email";
import { sendLeadEmail } from "@/lib/email/send-lead-email";
import { makeUser, uid } from "../fixtures/factories";
import { startFakeSendgrid, type TFakeSendgrid } from "../fixtures/fake-sendgrid";
import { makeEmailLead, useFakeSendgrid } from "../fixtures/email";
import { dropJobSchema, testJobSchema } from "../fixtures/jobs";

// No runner here: the jobs stay in the table to be looked at (the sender makes the queues).
const jobSchema = testJobSchema();
let fake: TFakeSendgrid;
beforeAll(async () => {
  process.env.JOB_SCHEMA = jobSchema;
  fake = await startFakeSendgrid();
  useFakeSendgrid(fake);
});
beforeEach(() => fake.reset());
afterAll(async () => {
  await dropJobSchema(jobSchema);
  await fake.close();
});

const EMAIL = { subject: "Your quote", body: "Hi {{contact_first_name}}, the quote is {{quote_total}}." };

const jobsOf = (messageId: number) =>
  db.$queryRawUnsafe<{ state: string; waits_ms: number }[]>(
    `SELECT state::text, extract(epoch FROM start_after - created_on) * 1000 AS waits_ms
       FROM "${jobSchema}".job WHERE name = 'email-deliver' AND (data->>'messageId')::int = $1`,
    messageId,
  );

it("commits the message with its email-deliver job, which waits out the first try", async () => {
  const { user: rep, actor } = await makeUser();
  const { lead } = await makeEmailLead(rep.id);
  fake.script({ status: 202, headers: { "X-Message-Id": "sgTx1" } });
  const sent = await sendLeadEmail(actor, { leadId: lead.id, ...EMAIL, idempotencyKey: `k-${uid()}` });
  expect(sent.status).toBe("sent");
  const jobs = await jobsOf(sent.id);
  expect(jobs).toHaveLength(1);
  expect(jobs[0].state).toBe("created");
  expect(Number(jobs[0].waits_ms)).toBeGreaterThanOrEqual(inFlightGraceMs() - 1000);

  // Every message committed for this lead has its job. (Only this lead's: other test files share
  // the database, each with its own job schema.)
  const orphans = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM email_messages m
      WHERE m.lead_id = $1
        AND NOT EXISTS (SELECT 1 FROM "${jobSchema}".job j WHERE j.name = 'email-deliver' AND (j.data->>'messageId')::int = m.id)`,
    lead.id,
  );
  expect(orphans[0].n).toBe(0);
});

it("rolls back the message when queuing its job fails after the insert, and nothing is sent", async () => {
  const { user: rep, actor } = await makeUser();
  const { lead } = await makeEmailLead(rep.id);
  const idempotencyKey = `k-${uid()}`;
  // The job's insert fails inside the transaction, after the message's insert went through.
  await db.$executeRawUnsafe(
    `CREATE FUNCTION "${jobSchema}".refuse_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'job table refuses inserts'; END $$`,
  );
  await db.$executeRawUnsafe(`CREATE TRIGGER refuse_job BEFORE INSERT ON "${jobSchema}".job FOR EACH ROW EXECUTE FUNCTION "${jobSchema}".refuse_job()`);
  try {
    await expect(sendLeadEmail(actor, { leadId: lead.id, ...EMAIL, idempotencyKey })).rejects.toThrow(/refuses inserts/);
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER refuse_job ON "${jobSchema}".job`);
  }
  expect(await db.emailMessage.count({ where: { leadId: lead.id } })).toBe(0);
  const jobs = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${jobSchema}".job WHERE name = 'email-deliver'`);
  expect(fake.requests).toHaveLength(0);

  // The rep sends again (same key): one message, one job more, sent once.
  fake.script({ status: 202, headers: { "X-Message-Id": "sgTx2" } });
  const sent = await sendLeadEmail(actor, { leadId: lead.id, ...EMAIL, idempotencyKey });
  expect(sent).toMatchObject({ status: "sent", replayed: false });
  expect(await db.emailMessage.count({ where: { leadId: lead.id } })).toBe(1);
  expect(await jobsOf(sent.id)).toHaveLength(1);
  const after = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${jobSchema}".job WHERE name = 'email-deliver'`);
  expect(after[0].n).toBe(jobs[0].n + 1);
  expect(fake.requests).toHaveLength(1);
});
