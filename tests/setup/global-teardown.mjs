export default async function globalTeardown() {
  await globalThis.__pilotCrmTestDatabase?.drop();
}
