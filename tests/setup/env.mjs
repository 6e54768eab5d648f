// Per-worker environment for unit and integration tests.
process.env.NEXTAUTH_SECRET ??= "test-secret-for-jest-only-0123456789abcdef";
process.env.DATABASE_POOL_MAX ??= "10";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
