// Request body limits, in bytes: one table for next.config.mjs (server actions), proxy.ts and the
// route handlers (lib/http/read-body.ts). Each is the largest body its legitimate sender makes,
// with room to spare; anything larger is refused with 413 before it is parsed.

/**
 * Server actions: the largest form is an email or template (subject 200 + body 20 000 characters,
 * up to 4 bytes each in UTF-8, so about 81 KB) plus Next's own action fields and the previous
 * form state. Next's default is 1 MB.
 */
export const SERVER_ACTION_BODY_LIMIT = 256 * 1024;
/** The seed endpoints (/admin/crm/<verb>/[id]): a handful of short fields and notes up to 5 000 characters. */
export const LEAD_ENDPOINT_BODY_LIMIT = 64 * 1024;
/** The signed lead webhook: one event of the free tools (DESIGN §6). */
export const LEAD_WEBHOOK_BODY_LIMIT = 64 * 1024;
/** SendGrid's event webhook: batches of up to 1 000 events or so. */
export const SENDGRID_EVENTS_BODY_LIMIT = 5 * 1024 * 1024;
/** SendGrid Inbound Parse: its own limit on a message with attachments. */
export const SENDGRID_INBOUND_BODY_LIMIT = 30 * 1024 * 1024;
/** Twilio's status callbacks and incoming texts: a form of a few dozen short fields (a text is at most 1 600 characters). */
export const TWILIO_WEBHOOK_BODY_LIMIT = 64 * 1024;
/** next-auth's sign-in, sign-out and CSRF posts: a few short fields. */
export const AUTH_BODY_LIMIT = 16 * 1024;
/** What proxy.ts may buffer of any request it sees (Next's default is 10 MB). */
export const PROXY_BODY_LIMIT = 1024 * 1024;
/** Nesting deeper than this in a JSON body is refused (400) before it is parsed. */
export const MAX_JSON_DEPTH = 32;
