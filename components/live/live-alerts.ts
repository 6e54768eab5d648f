"use client";

// The two opt-in alerts (My account → Live alerts). Both do nothing where the browser lacks the
// API or the user has not allowed it.

/** A desktop notification (Notification API); clicking it focuses the tab and runs `onClick`. */
export function showDesktopAlert(title: string, body: string, onClick?: () => void): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const n = new Notification(title, { body, tag: `pilot-crm-${title}` });
  n.onclick = () => {
    window.focus();
    onClick?.();
    n.close();
  };
}

/** A short two-note chime from the Web Audio API (no sound file to ship or cache). */
export function playChime(): void {
  const Context = typeof window === "undefined" ? undefined : window.AudioContext;
  if (!Context) return;
  const ctx = new Context();
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0.08, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
  gain.connect(ctx.destination);
  [880, 1320].forEach((hz, i) => {
    const tone = ctx.createOscillator();
    tone.frequency.value = hz;
    tone.connect(gain);
    tone.start(ctx.currentTime + i * 0.12);
    tone.stop(ctx.currentTime + 0.4);
  });
  setTimeout(() => void ctx.close(), 600);
}

/** Asks for permission (only from a click); true when notifications may be shown. */
export async function allowDesktopAlerts(): Promise<boolean> {
  if (typeof Notification === "undefined") return false;
  if (Notification.permission === "granted") return true;
  if (Notification.permission === "denied") return false;
  return (await Notification.requestPermission()) === "granted";
}
