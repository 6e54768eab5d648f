import { parsePhoneNumberFromString } from "libphonenumber-js";

// The one reading of a phone number: E.164 ("+15125550100"), US when no country code is given.
// The import cleans phones with it and texting (lib/sms/) addresses numbers with it, so a number
// stored by one matches a number read by the other.
export const DEFAULT_PHONE_COUNTRY = "US";

/** E.164 form of a number as people write it, or null when it is not a valid number. */
export function toE164(value: string | null | undefined): string | null {
  if (!value?.trim()) return null;
  const parsed = parsePhoneNumberFromString(value, DEFAULT_PHONE_COUNTRY);
  return parsed?.isValid() ? parsed.number : null;
}
