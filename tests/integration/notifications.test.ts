// The inbox (lib/notifications/): notifyUser() writes the row and the live notice in the caller's
// transaction; each user reads and marks only their own; the nav badge counts the unread.
import { db } from "@/lib/db";
import { notifyUser } from "@/lib/notifications/notify-user";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { getLiveShell } from "@/lib/live/get-live-shell";
import { makeLead, makeUser } from "../fixtures/factories";

const liveNoticesFor = async (userId: number) =>
  (await db.liveEvent.findMany({ orderBy: { id: "asc" } }))
    .map((r) => r.event as { kind: string; userId?: number; title?: string; href?: string; notificationId?: number })
    .filter((e) => e.kind === "user.notice" && e.userId === userId);

it("writes the inbox row and the live notice together, and nothing when the transaction rolls back", async () => {
  const { actor: rep } = await makeUser();
  const { actor: author } = await makeUser();
  const lead = await makeLead();
  const id = await db.$transaction((tx) =>
    notifyUser(tx, { userId: rep.id, kind: "mention", title: "Sam mentioned you", body: "call them", href: `/admin/crm/lead/${lead.id}`, leadId: lead.id, actorId: author.id }),
  );
  expect(id).toEqual(expect.any(Number));
  const [notice] = await liveNoticesFor(rep.id);
  expect(notice).toMatchObject({ kind: "user.notice", title: "Sam mentioned you", href: `/admin/crm/lead/${lead.id}`, notificationId: id });

  await expect(
    db.$transaction(async (tx) => {
      await notifyUser(tx, { userId: rep.id, kind: "mention", title: "never", actorId: author.id });
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  const { items, unread } = await listNotifications(rep);
  expect(items.map((n) => n.title)).toEqual(["Sam mentioned you"]);
  expect(items[0]).toMatchObject({ kind: "mention", body: "call them", read: false });
  expect(unread).toBe(1);
  expect(await liveNoticesFor(rep.id)).toHaveLength(1);
});

it("tells nobody about their own act", async () => {
  const { actor: rep } = await makeUser();
  await expect(db.$transaction((tx) => notifyUser(tx, { userId: rep.id, kind: "mention", title: "me", actorId: rep.id }))).resolves.toBeNull();
  expect((await listNotifications(rep)).items).toEqual([]);
});

it("lets each user read and mark only their own, and the nav badge counts the unread", async () => {
  const { actor: a } = await makeUser();
  const { actor: b } = await makeUser();
  const [n1, n2] = await db.$transaction(async (tx) => [
    await notifyUser(tx, { userId: a.id, kind: "mention", title: "one" }),
    await notifyUser(tx, { userId: a.id, kind: "mention", title: "two" }),
  ]);
  const nb = await db.$transaction((tx) => notifyUser(tx, { userId: b.id, kind: "mention", title: "for b" }));
  expect((await getLiveShell(a)).unreadCount).toBe(2);

  // b cannot read or mark a's.
  expect((await listNotifications(b)).items.map((n) => n.title)).toEqual(["for b"]);
  await expect(markNotificationsRead(b, { id: n1! })).resolves.toEqual({ marked: 0 });
  expect((await getLiveShell(a)).unreadCount).toBe(2);

  await expect(markNotificationsRead(a, { id: n2! })).resolves.toEqual({ marked: 1 });
  expect((await listNotifications(a, { unread: true })).items.map((n) => n.title)).toEqual(["one"]);
  await expect(markNotificationsRead(a, {})).resolves.toEqual({ marked: 1 });
  expect((await getLiveShell(a)).unreadCount).toBe(0);
  expect((await getLiveShell(b)).unreadCount).toBe(1);
  expect(nb).toEqual(expect.any(Number));
  await expect(markNotificationsRead.fromRequest(a, { id: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
});
