import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: number; role: "admin" | "super_admin"; name: string; email: string };
  }
}
