import "server-only";
import crypto from "node:crypto";
import { EventWebhook } from "@sendgrid/eventwebhook";

type TPublicKey = ReturnType<EventWebhook["convertPublicKeyToECDSA"]>;
const verifier = new EventWebhook();
const keys = new Map<string, TPublicKey>();

/**
 * SendGrid's signed event webhook: ECDSA (P-256, SHA-256) over the timestamp header followed by
 * the raw body, checked with the verification key from Mail Settings (base64 DER, as SendGrid shows
 * it). A timestamp outside the tolerance is refused too, so a captured batch cannot be replayed later.
 */
export function verifySendgridSignature(input: {
  publicKey: string;
  payload: string;
  signature: string | null;
  timestamp: string | null;
  toleranceSeconds: number;
  nowSeconds?: number;
}): { ok: true } | { ok: false; reason: string } {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: "Missing signature or timestamp header" };
  const ts = Number(timestamp);
  const now = input.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!/^\d+$/.test(timestamp) || Math.abs(now - ts) > input.toleranceSeconds) return { ok: false, reason: "Timestamp outside the allowed window" };
  try {
    let key = keys.get(input.publicKey);
    if (!key) keys.set(input.publicKey, (key = verifier.convertPublicKeyToECDSA(input.publicKey)));
    if (verifier.verifySignature(key, input.payload, signature, timestamp)) return { ok: true };
  } catch {
    // A malformed key or signature is as good as a wrong one.
  }
  return { ok: false, reason: "Invalid signature" };
}

/** The Inbound Parse URL carries a secret path segment; compared in constant time (hashes make the lengths equal). */
export function inboundSecretMatches(given: string, expected: string | undefined): boolean {
  if (!expected) return false;
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}
