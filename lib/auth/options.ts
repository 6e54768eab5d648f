import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { verifyCredentials, type TSessionUser } from "@/lib/auth/verify-credentials";
import { clientIp } from "@/lib/security/client-ip";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => verifyCredentials(credentials, { ip: clientIp(req.headers ?? {}) }),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as TSessionUser;
        token.uid = Number(u.id);
        token.role = u.role;
        token.tv = u.tokenVersion;
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
};
