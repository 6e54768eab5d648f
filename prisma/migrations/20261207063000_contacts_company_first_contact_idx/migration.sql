-- Issue #19, the call list at 1 000 000 leads (npm run bench -- lists --huge). Each row of a call
-- list page shows its company's first contact:
--   SELECT name, phone FROM contacts WHERE company_id = $1 ORDER BY id LIMIT 1
-- (lib/calls/call-list-query.ts). On (company_id) alone PostgreSQL sorted the company's contacts
-- for every row: 52 µs a row, 5 of the 14 ms of a 100-row page (EXPLAIN ANALYZE). On
-- (company_id, id) the first contact is the first index entry. It replaces the index on
-- company_id, whose other readers (a company's contacts on the lead and company pages, in id
-- order, and the foreign-key checks) it serves the same way.

-- DropIndex
DROP INDEX "contacts_company_id_idx";

-- CreateIndex
CREATE INDEX "contacts_company_id_id_idx" ON "contacts"("company_id", "id");
