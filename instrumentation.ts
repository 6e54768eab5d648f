// Next calls register() once when a server starts. The one background duty: emails a stopped
// server left queued are finished (lib/email/recover-stuck-email-messages.ts), shortly after
// start and every five minutes, in every process (the recovery is safe to run concurrently).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { recoverStuckEmailMessages } = await import("@/lib/email/recover-stuck-email-messages");
  const run = () =>
    recoverStuckEmailMessages()
      .then(({ sent, failed }) => {
        if (sent || failed) console.log(`email recovery: ${sent} abandoned message(s) sent, ${failed} interrupted one(s) marked failed`);
      })
      .catch((err) => console.error("email recovery failed:", err));
  setTimeout(run, 30_000).unref();
  setInterval(run, 5 * 60_000).unref();
}
