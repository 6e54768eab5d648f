// The morning digest: from the company's digest hour, each rep who turned it on gets one email of
// the day's follow-ups through the outbox path, exactly once per company day, also when the job
// runs twice at once or on two runners. This file sets company settings: a database of its own.
import { db } from "@/lib/db";
import { getCompanySettings, putCompanySetting } from "@/lib/kernel/company-settings";
import { setFollowUpDigestHour } from "@/lib/follow-ups/set-follow-up-digest-hour";
import { sendFollowUpDigests } from "@/lib/follow-ups/send-follow-up-digests";
import { setFollowUpDigest } from "@/lib/follow-ups/set-follow-up-digest";
import { runnableJobKinds } from "@/lib/jobs/job-handlers";
import { createJobRunner, type TJobRunner } from "@/lib/jobs/job-runner";
import { DEFAULT_TIME_ZONE, zonedDay, zonedDayBounds, zonedTimeToUtc } from "@/lib/kernel/zoned-time";
import { makeCompany, makeLead, makeUser } from "../fixtures/factories";
import { dropJobSchema, eventually, testJobSchema } from "../fixtures/jobs";
import { runInOwnDatabase } from "../fixtures/own-database";

runInOwnDatabase();
const TZ = DEFAULT_TIME_ZONE;
const HOUR = 3_600_000;

async function repWithFollowUps(digest: boolean, followUps: number) {
  const { actor, user } = await makeUser();
  if (digest) await setFollowUpDigest(actor, { enabled: true });
  const today = zonedDayBounds(new Date(), TZ);
  const ids: number[] = [];
  for (let i = 0; i < followUps; i++) {
    const company = await makeCompany({ name: `Digest Haul ${user.id}-${i}` });
    const l = await makeLead({ companyId: company.id, status: "in_progress", assignedAdminId: user.id });
    // One timed at 10:00 today, one "any time today", one overdue from yesterday.
    const at = [new Date(today.start.getTime() + 10 * HOUR), new Date(today.start.getTime() + 9 * HOUR), new Date(today.start.getTime() - 15 * HOUR)][i % 3];
    await db.salesLead.update({ where: { id: l.id }, data: { nextFollowUpAt: at, nextFollowUpHasTime: i % 3 === 0 } });
    ids.push(l.id);
  }
  return { actor, user, ids };
}
const digestMails = (userId: number) => db.emailMessage.findMany({ where: { senderId: userId, leadId: null } });

beforeAll(async () => {
  await db.$transaction((tx) => putCompanySetting(tx, "followUpDigestHour", 0));
});

it("emails the day's follow-ups once to each rep who asked, none to others, nothing when none is due", async () => {
  const wants = await repWithFollowUps(true, 3);
  const notAsked = await repWithFollowUps(false, 2);
  const idle = await repWithFollowUps(true, 0);
  const runs = await Promise.all([sendFollowUpDigests(), sendFollowUpDigests()]);
  expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(1);
  await sendFollowUpDigests();

  const [mail, ...more] = await digestMails(wants.user.id);
  expect(more).toEqual([]);
  expect(mail).toMatchObject({ toEmail: wants.user.email.toLowerCase(), status: "simulated", subject: expect.stringMatching(/^Follow-ups for .+: 3$/) });
  expect(mail.bodyText).toContain(`Digest Haul ${wants.user.id}-0`);
  expect(mail.bodyText).toMatch(/- 10:00 AM C[SD]T: Digest Haul/);
  expect(mail.bodyText).toContain("any time today");
  expect(mail.bodyText).toContain("overdue since");
  expect(mail.bodyText).toContain(`/admin/crm/lead/${wants.ids[0]}`);
  const day = new Date(`${zonedDay(new Date(), TZ)}T00:00:00Z`);
  expect(await db.followUpDigest.findMany({ where: { userId: wants.user.id } })).toEqual([
    expect.objectContaining({ day, followUps: 3, emailMessageId: mail.id }),
  ]);

  expect(await digestMails(notAsked.user.id)).toEqual([]);
  expect(await db.followUpDigest.count({ where: { userId: notAsked.user.id } })).toBe(0);
  expect(await digestMails(idle.user.id)).toEqual([]);
  expect(await db.followUpDigest.findMany({ where: { userId: idle.user.id } })).toEqual([expect.objectContaining({ followUps: 0, emailMessageId: null })]);
});

it("waits for the digest hour, company time", async () => {
  const rep = await repWithFollowUps(true, 1);
  await db.$transaction((tx) => putCompanySetting(tx, "followUpDigestHour", 7));
  try {
    const [y, m, d] = zonedDay(new Date(), TZ).split("-").map(Number);
    await expect(sendFollowUpDigests({ now: zonedTimeToUtc(y, m, d, 6, 59, TZ) })).resolves.toEqual({ sent: 0, skipped: "before the digest hour" });
    expect(await digestMails(rep.user.id)).toEqual([]);
  } finally {
    await db.$transaction((tx) => putCompanySetting(tx, "followUpDigestHour", 0));
  }
});

it("sends once per rep per day with two runners working the job at the same time", async () => {
  const rep = await repWithFollowUps(true, 2);
  const schema = testJobSchema();
  const kinds = { "follow-up-digest": { ...runnableJobKinds()["follow-up-digest"], schedule: undefined } };
  const runners: TJobRunner[] = [];
  try {
    for (let i = 0; i < 2; i++) runners.push(await createJobRunner({ schema, kinds, pollingIntervalSeconds: 0.5 }));
    // Four ticks at once across two runners (a cron tick and retries, say).
    const ids = await Promise.all([0, 1, 2, 3].map((i) => runners[i % 2].boss.send("follow-up-digest", {}, kinds["follow-up-digest"].retry())));
    await eventually(async () => {
      const jobs = await Promise.all(ids.map((id) => runners[0].boss.getJobById("follow-up-digest", id!)));
      return jobs.every((j) => j?.state === "completed");
    });
    expect(await digestMails(rep.user.id)).toHaveLength(1);
    expect(await db.followUpDigest.count({ where: { userId: rep.user.id } })).toBe(1);
  } finally {
    for (const r of runners) await r.stop();
    await dropJobSchema(schema);
  }
});

it("is the rep's own choice, on and off", async () => {
  const { actor, user } = await makeUser();
  await expect(setFollowUpDigest(actor, { enabled: true })).resolves.toEqual({ enabled: true });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).followUpDigest).toBe(true);
  await expect(setFollowUpDigest(actor, { enabled: false })).resolves.toEqual({ enabled: false });
  expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).followUpDigest).toBe(false);
});

it("lets the manager, and nobody else, set the digest hour (audited)", async () => {
  const { actor: manager } = await makeUser({ role: "super_admin" });
  const { actor: rep } = await makeUser();
  await expect(setFollowUpDigestHour(rep, { hour: 6 })).rejects.toMatchObject({ status: 404 });
  await expect(setFollowUpDigestHour(manager, { hour: 24 })).rejects.toMatchObject({ status: 400 });
  try {
    await expect(setFollowUpDigestHour(manager, { hour: "6" })).resolves.toEqual({ hour: 6 });
    expect((await getCompanySettings()).followUpDigestHour).toBe(6);
    expect(await db.auditLog.count({ where: { actorId: manager.id, action: "settings.changed", targetId: "follow_up_digest_hour" } })).toBe(1);
  } finally {
    await db.$transaction((tx) => putCompanySetting(tx, "followUpDigestHour", 0));
  }
});
