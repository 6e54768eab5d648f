import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * A phone as E.164 ("+15125550100"), read as a US number unless it says otherwise, or null when
 * it is not a valid number. companies.phone_norm holds this for every writer (the webhook passes it
 * to SQL as company.phone_e164); two companies with the same one are suggested as duplicates.
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, "US");
  return parsed?.isValid() ? parsed.number : null;
}
