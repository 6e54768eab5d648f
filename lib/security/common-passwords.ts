import fs from "node:fs";
import path from "node:path";

// The most common passwords (lib/security/common-passwords.txt: the top 2 153 entries of the
// "10-million-password-list-top-10000" list of the SecLists project, MIT licence, itself drawn from
// Mark Burnett's ten million leaked passwords). Since a password here has at least 12 characters,
// an exact match is rare; what matters is a common password stretched to length, so a password is
// refused when, ignoring case, it is
// - a listed password, or one with only digits and symbols added before or after it
//   ("password1234", "!!qwerty2026"),
// - a short piece repeated, perhaps with digits or symbols around it ("abcabcabcabc", "monkeymonkey1"),
// - mostly one listed word of six letters or more ("footballfootbal", "monkey-monkey!").
let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), "lib/security/common-passwords.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return list;
}

/** Why this password is too common, or null. */
export function commonPasswordProblem(password: string): string | null {
  const p = password.toLowerCase();
  const words = commonPasswords();
  const core = p.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (words.has(p) || (core.length > 0 && words.has(core)))
    return "This is one of the most common passwords; choose another";
  if (/^(.{1,8})\1+$/.test(p) || /^(.{1,8})\1+$/.test(core)) return "A repeated pattern is easy to guess; choose another";
  for (const w of words) if (w.length >= 6 && p.includes(w) && w.length / p.length >= 0.6) return "This is too close to a common password; choose another";
  return null;
}
