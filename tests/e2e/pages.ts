// The pages every browser check walks, and how to reach a lead page without knowing an id.
import type { Page } from "playwright-core";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

export type TPageRef = { name: string; path: string | ((page: Page) => Promise<string>) };

/** The newest lead the user holds (a manager holds none: then the newest lead of all). */
export async function firstLeadPath(page: Page): Promise<string> {
  const firstIn = async (url: string) => {
    await page.goto(url);
    const link = page.locator("[data-testid=leads-table] tbody a[href^='/admin/crm/lead/']").first();
    return (await link.count()) ? link.getAttribute("href") : null;
  };
  const href = (await firstIn("/admin/crm/leads?assigned=me")) ?? (await firstIn("/admin/crm/leads"));
  if (!href) throw new Error("no lead in the leads table");
  return href;
}

export const CRM_PAGES: TPageRef[] = [
  { name: "dashboard", path: "/admin/crm" },
  { name: "pool", path: "/admin/crm/pool" },
  { name: "leads", path: "/admin/crm/leads" },
  { name: "lead page", path: firstLeadPath },
  { name: "call list", path: "/admin/crm/calls" },
  { name: "follow-ups", path: "/admin/crm/follow-ups" },
  { name: "analytics", path: "/admin/crm/analytics" },
  { name: "templates", path: "/admin/crm/templates" },
  { name: "sequences", path: "/admin/crm/sequences" },
  { name: "territories", path: "/admin/crm/territories" },
  { name: "account", path: "/admin/crm/account" },
  { name: "outbox", path: "/admin/crm/outbox" },
  { name: "haul rules", path: "/admin/crm/haul" },
  { name: "requests", path: "/admin/crm/requests" },
];
export const MANAGER_ONLY_PAGES: TPageRef[] = [{ name: "team", path: "/admin/crm/team" }];

/** Opens the page and waits until the browser has nothing more to load or render. */
export async function openPage(page: Page, ref: TPageRef) {
  const path = typeof ref.path === "string" ? ref.path : await ref.path(page);
  const res = await page.goto(path);
  if (res?.status() !== 200) throw new Error(`${ref.name} (${path}) answered ${res?.status()}`);
  await page.waitForLoadState("networkidle");
  return path;
}
