// Twilio's standard opt-out and opt-in keywords for long codes and toll-free numbers: a message
// that is exactly one of them (any case, surrounding spaces ignored). Twilio answers them itself;
// we keep our own list so that no send path of ours even tries an opted-out number.
export const OPT_OUT_KEYWORDS = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"] as const;
export const OPT_IN_KEYWORDS = ["START", "YES", "UNSTOP"] as const;

/** "stop" or "start" when the whole text is such a keyword, else null. */
export function optKeyword(body: string): "stop" | "start" | null {
  const word = body.trim().toUpperCase();
  if ((OPT_OUT_KEYWORDS as readonly string[]).includes(word)) return "stop";
  if ((OPT_IN_KEYWORDS as readonly string[]).includes(word)) return "start";
  return null;
}
