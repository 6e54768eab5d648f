// The pure rules of texting: opt-out words, the lead's zone and texting hours, the next open time.
import { nextBusinessInstant } from "@/lib/kernel/business-hours";
import { stateTimeZone, STATE_TIME_ZONES } from "@/lib/geo/state-time-zones";
import { STATE_CODES } from "@/lib/geo/us-states";
import { toE164 } from "@/lib/kernel/phone";
import { ZTextSendingHours } from "@/lib/kernel/company-settings";
import { describeClosedWindow, textSendingWindow } from "@/lib/sms/text-sending-window";
import { smsConfig } from "@/lib/sms/sms-config";
import { optKeyword } from "@/lib/sms/opt-keywords";

const HOURS = { days: [1, 2, 3, 4, 5, 6], start: "09:00", end: "20:00" };

it("reads Twilio's standard opt-out and opt-in words, whole message only, any case", () => {
  for (const w of ["STOP", "stopall", " Unsubscribe ", "CANCEL", "end", "Quit"]) expect(optKeyword(w)).toBe("stop");
  for (const w of ["START", "yes", "UNSTOP"]) expect(optKeyword(w)).toBe("start");
  for (const w of ["stop it", "please STOP", "yes please", "", "HELP"]) expect(optKeyword(w)).toBeNull();
});

it("knows every state's zone, and nothing for an unknown one", () => {
  expect(Object.keys(STATE_TIME_ZONES).sort()).toEqual([...STATE_CODES].sort());
  expect(stateTimeZone("tx")).toBe("America/Chicago");
  expect(stateTimeZone("AZ")).toBe("America/Phoenix");
  expect(stateTimeZone("ZZ")).toBeNull();
  expect(stateTimeZone(null)).toBeNull();
});

it("opens at the next working window: later today, tomorrow, or after a closed day", () => {
  const z = "America/Chicago";
  // Monday 7 Dec 2026 07:30 CST → 09:00 the same day.
  expect(nextBusinessInstant(new Date("2026-12-07T13:30:00Z"), z, HOURS)?.toISOString()).toBe("2026-12-07T15:00:00.000Z");
  // Inside: the instant itself.
  const inside = new Date("2026-12-07T18:00:00Z");
  expect(nextBusinessInstant(inside, z, HOURS)).toBe(inside);
  // Saturday 20:30 → Monday 09:00 (Sunday is closed).
  expect(nextBusinessInstant(new Date("2026-12-13T02:30:00Z"), z, HOURS)?.toISOString()).toBe("2026-12-14T15:00:00.000Z");
  // Across the spring-forward change: Sunday 8 Mar 2026 closed, Monday 9 Mar 09:00 CDT.
  expect(nextBusinessInstant(new Date("2026-03-08T12:00:00Z"), z, HOURS)?.toISOString()).toBe("2026-03-09T14:00:00.000Z");
  expect(nextBusinessInstant(new Date(), z, { days: [], start: "09:00", end: "20:00" })).toBeNull();
});

it("reads the hours in the lead's zone when its state is known, else in the company's", () => {
  const at = new Date("2026-12-07T14:30:00Z"); // 08:30 CST, 09:30 EST, 06:30 PST
  expect(textSendingWindow(at, "NY", "America/Chicago", HOURS)).toMatchObject({ zone: "America/New_York", zoneOf: "lead", open: true });
  const tx = textSendingWindow(at, "TX", "America/New_York", HOURS);
  expect(tx).toMatchObject({ zone: "America/Chicago", zoneOf: "lead", open: false });
  expect(describeClosedWindow(tx, HOURS)).toBe("Outside texting hours: texts go out 09:00–20:00 in the lead's time zone; the next allowed time is Dec 7, 2026, 9:00 AM CST.");
  expect(textSendingWindow(at, null, "America/New_York", HOURS)).toMatchObject({ zone: "America/New_York", zoneOf: "company", open: true });
});

it("never lets the texting hours reach into the TCPA's quiet hours (before 08:00, after 21:00)", () => {
  expect(ZTextSendingHours.safeParse({ days: [1], start: "08:00", end: "21:00" }).success).toBe(true);
  expect(ZTextSendingHours.safeParse({ days: [1], start: "07:30", end: "20:00" }).success).toBe(false);
  expect(ZTextSendingHours.safeParse({ days: [1], start: "09:00", end: "21:30" }).success).toBe(false);
});

it("writes phone numbers in E.164, US by default", () => {
  expect(toE164("(512) 555-0142")).toBe("+15125550142");
  expect(toE164("+44 20 7946 0958")).toBe("+442079460958");
  expect(toE164("555")).toBeNull();
  expect(toE164(null)).toBeNull();
});

it("is in outbox mode without an account, a token and a sender", () => {
  const full = { NODE_ENV: "test", TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "t", TWILIO_FROM_NUMBER: "(512) 555-0199" } as NodeJS.ProcessEnv;
  expect(smsConfig(full)).toMatchObject({ outbox: false, from: "+15125550199", apiBaseUrl: "https://api.twilio.com" });
  expect(smsConfig({ ...full, TWILIO_AUTH_TOKEN: "" }).outbox).toBe(true);
  expect(smsConfig({ ...full, TWILIO_FROM_NUMBER: "" }).outbox).toBe(true);
  expect(smsConfig({ ...full, TWILIO_FROM_NUMBER: "", TWILIO_MESSAGING_SERVICE_SID: "MG1" }).outbox).toBe(false);
  expect(smsConfig({ ...full, TWILIO_WEBHOOK_BASE_URL: "https://crm.example.com/" }).webhookBaseUrl).toBe("https://crm.example.com");
});
