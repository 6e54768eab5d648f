import { safeCallbackUrl, sameSiteRedirect } from "@/lib/auth/safe-callback-url";

describe("redirects stay on the site", () => {
  it("keeps local paths and refuses everything else on the login page", () => {
    expect(safeCallbackUrl("/admin/crm/leads?status=pending#x")).toBe("/admin/crm/leads?status=pending#x");
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "", undefined, "admin"])
      expect(safeCallbackUrl(bad)).toBe("/admin/crm");
  });

  it("lets next-auth redirect only to this origin", () => {
    const baseUrl = "https://crm.example.com";
    expect(sameSiteRedirect({ url: "/admin/crm", baseUrl })).toBe("https://crm.example.com/admin/crm");
    expect(sameSiteRedirect({ url: "https://crm.example.com/login", baseUrl })).toBe("https://crm.example.com/login");
    expect(sameSiteRedirect({ url: "https://evil.example/phish", baseUrl })).toBe(baseUrl);
    expect(sameSiteRedirect({ url: "//evil.example", baseUrl })).toBe("https://crm.example.com/");
  });
});
