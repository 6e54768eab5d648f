-- Internal notes (migration notes_and_away_periods) can sit on a company, so a merge moves them
-- (lib/companies/merge-companies.ts) and, as for leads and contacts (migration company_merge), a
-- note written for a merged company goes to the survivor. A lead's note has company_id NULL: the
-- lookup finds nothing and the row is left as it is.
CREATE TRIGGER notes_follow_company_merge BEFORE INSERT ON notes
FOR EACH ROW EXECUTE FUNCTION follow_company_merge();
