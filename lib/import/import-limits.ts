// The import's limits, in one place: the upload form, the parser and the job read them here.

/**
 * The largest CSV accepted. 100 000 companies with contacts and notes are some 30 MB; a file far
 * past that is not a book of business but a mistake (a database dump, a video), refused before
 * anything is written.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Rows shown by the mapping preview when the caller does not say. */
export const DEFAULT_PREVIEW_ROWS = 20;

/** Rows classified per SQL statement (one statement per batch, never one per row). */
export const IMPORT_BATCH_ROWS = 500;
