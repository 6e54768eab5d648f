// Queues made by processes that start together (N instances, or one instance's job runner and
// its first webhook's sender): pg-boss's create_queue() deadlocks between them, and every
// process must still end with every queue made (lib/jobs/job-boss.ts ensureQueues).
import { createBoss, ensureQueues } from "@/lib/jobs/job-boss";
import { JOB_KINDS, deadLetterQueue, type TJobKinds } from "@/lib/jobs/job-kinds";
import { dropJobSchema, testJobSchema } from "../fixtures/jobs";

const schema = testJobSchema();
afterAll(() => dropJobSchema(schema));

it("makes every queue when three processes make them at the same moment", async () => {
  const bosses = [0, 1, 2].map(() => createBoss({ schema, runner: false }));
  for (const boss of bosses) await boss.start();
  try {
    // Before the retry on a deadlock, two of the three failed here on every run.
    const results = await Promise.allSettled(bosses.map((boss) => ensureQueues(boss, JOB_KINDS as TJobKinds)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const names = (await bosses[0].getQueues()).map((q) => q.name).sort();
    const wanted = Object.keys(JOB_KINDS).flatMap((kind) => [kind, deadLetterQueue(kind)]).sort();
    expect(names).toEqual(wanted);
  } finally {
    for (const boss of bosses) await boss.stop({ graceful: false, close: false });
  }
});
