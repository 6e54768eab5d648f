import { db } from "@/lib/db";

// Close this worker's pool so jest exits promptly.
afterAll(() => db.$disconnect());
