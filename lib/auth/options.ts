import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials, type TSessionUser } from "@/lib/auth/verify-credentials";
import { endSessions } from "@/lib/auth/end-sessions";
import { SESSION_COOKIE_MAX_AGE_SECONDS } from "@/lib/kernel/company-settings";
import { clientIp } from "@/lib/security/client-ip";
import { sameSiteRedirect } from "@/lib/auth/safe-callback-url";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";

// The cookie outlives no session: the server-side row (lib/auth/get-actor.ts) enforces the idle
// and absolute lifetimes the manager set; the cookie only needs to last as long as the longest.
export const SESSION_MAX_AGE_SECONDS = SESSION_COOKIE_MAX_AGE_SECONDS;

/** Secure cookies (`__Secure-` names, the Secure flag) whenever the app is served over https. */
export function secureCookiesFor(nextAuthUrl = process.env.NEXTAUTH_URL): boolean {
  return (nextAuthUrl ?? "").startsWith("https://");
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's cookies are HttpOnly and SameSite=Lax; Secure follows the public URL's scheme.
  useSecureCookies: secureCookiesFor(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => {
        const headers = req.headers ?? {};
        return verifyCredentials(credentials, { ip: clientIp(headers), userAgent: headers["user-agent"] });
      },
    }),
  ],
  callbacks: {
    redirect: sameSiteRedirect,
    jwt({ token, user }) {
      if (user) {
        const u = user as TSessionUser;
        token.uid = Number(u.id);
        token.role = u.role;
        token.sid = u.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.uid as number,
        role: token.role as TSessionUser["role"],
        name: token.name ?? "",
        email: token.email ?? "",
      };
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server too: a copy of the cookie is refused afterwards.
    async signOut({ token }) {
      if (typeof token?.sid !== "string") return;
      await endSessions({ sessionId: token.sid });
      const actor = typeof token.uid === "number" ? { id: token.uid, email: String(token.email ?? "") } : null;
      await recordAudit(db, { actor, action: "auth.logout", target: { type: "session", id: token.sid }, ip: null });
    },
  },
};
