import { ZPassword } from "@/lib/auth/password";
import { commonPasswordProblem } from "@/lib/security/common-passwords";

const ok = (p: string) => ZPassword.safeParse(p).success;

describe("password policy (ASVS V6.2)", () => {
  it("needs at least 12 characters and nothing else: no composition rules", () => {
    expect(ok("elevenchars")).toBe(false);
    expect(ok("twelve chars")).toBe(true);
    expect(ok("all lowercase words here")).toBe(true);
    expect(ok("ÉÉÉÉ ünïcödé ok")).toBe(true);
    expect(ok("x".repeat(73))).toBe(false); // bcrypt's 72-byte limit
  });

  it("refuses the common passwords of the shipped list, stretched with digits or symbols, or repeated", () => {
    for (const p of ["123qweasdzxc", "1qaz2wsx3edc", "password1234", "!!qwerty2026!!", "Football1234", "1234567890123", "abcabcabcabc", "aaaaaaaaaaaa", "monkeymonkey1"])
      expect([p, commonPasswordProblem(p)]).toEqual([p, expect.any(String)]);
    for (const p of ["correct horse battery", "pilot-demo-2026", "my tow truck is blue", "a long password"]) expect([p, commonPasswordProblem(p)]).toEqual([p, null]);
    expect(ZPassword.safeParse("password1234").error?.issues[0].message).toMatch(/most common passwords/);
  });
});
