-- Issue #19, the leads search at 200 000 companies (npm run bench -- lists --huge, "search company
-- name"). A term of three words or more is found by the words of the company name (nameArm() in
-- lib/leads/lead-list-filter.ts):
--   lower(c.name) LIKE lower($1) AND to_tsvector('simple', c.name) @@ to_tsquery('simple', $2)
-- The trigram index intersected every trigram of such a term: 4.4 ms of GIN, 191 buffers, for
-- "Gulf Coast Logistics 99851"; this index answers the same term in 0.09 ms, 16 buffers. An
-- expression the schema cannot state: it is in this migration only (as companies_name_key_idx is).
CREATE INDEX "companies_name_words_idx" ON "companies" USING GIN (to_tsvector('simple'::regconfig, "name"));
