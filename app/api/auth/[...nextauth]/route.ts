import { authRoute } from "@/lib/auth/auth-route";

// next-auth behind the sign-in throttle (lib/auth/auth-route.ts).
export const { GET, POST } = authRoute;
