import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/security/client-ip";

/** The client address of the request being served, or null outside a request (scripts, jobs). */
export async function requestIp(): Promise<string | null> {
  try {
    return clientIp(await headers());
  } catch {
    return null;
  }
}
