// The digest a page's "database unavailable" error carries to app/error.tsx: Next keeps a thrown
// error's own digest, while it replaces the message in production. No server imports: the error
// page is a client component.
export const UNAVAILABLE_DIGEST = "PILOT_CRM_UNAVAILABLE";
