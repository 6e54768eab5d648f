-- Issue #19: the dashboard's counts of leads per rep and status (the team table, a rep's cards,
-- the headline counts) without counting a million leads per view. lead_tallies holds signed
-- changes of "leads held by admin_id in status", written by the triggers below in the same
-- transaction as the lead's own write, so a sum over it is exact and live, never "as of".
-- A writer only ever INSERTs here (a counter row updated in place would queue every webhook and
-- claim behind one row lock); the lead-tallies-compact job folds the rows into one per
-- (admin, status) every few minutes (lead_tallies_compact() below), so a read sums a few hundred.
-- tests/integration/lead-tallies.test.ts holds the sums equal to a count of sales_leads.

-- CreateTable
CREATE TABLE "lead_tallies" (
    "id" BIGSERIAL NOT NULL,
    "admin_id" INTEGER,
    "status" "lead_status" NOT NULL,
    "leads" INTEGER NOT NULL,

    CONSTRAINT "lead_tallies_pkey" PRIMARY KEY ("id")
);

-- Inserted and deleted leads, per statement: a bulk insert (an import, a seed) adds one row per
-- (admin, status) it touched, not one per lead.
CREATE FUNCTION lead_tallies_after_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO lead_tallies (admin_id, status, leads)
    SELECT assigned_admin_id, status, count(*) FROM new_rows GROUP BY 1, 2;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO lead_tallies (admin_id, status, leads)
    SELECT assigned_admin_id, status, -count(*) FROM old_rows GROUP BY 1, 2;
  ELSE
    -- TRUNCATE (also reached by TRUNCATE companies CASCADE): nothing is held any more.
    DELETE FROM lead_tallies;
  END IF;
  RETURN NULL;
END $$;

-- A lead that changed hands or status. Per row with a WHEN, so the many updates that change
-- neither (next_touch_at after every logged call, the haul columns) queue no trigger call at all.
CREATE FUNCTION lead_tallies_after_row_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO lead_tallies (admin_id, status, leads)
  VALUES (OLD.assigned_admin_id, OLD.status, -1), (NEW.assigned_admin_id, NEW.status, 1);
  RETURN NULL;
END $$;

CREATE TRIGGER lead_tallies_insert AFTER INSERT ON sales_leads REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_tallies_after_statement();
CREATE TRIGGER lead_tallies_delete AFTER DELETE ON sales_leads REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION lead_tallies_after_statement();
CREATE TRIGGER lead_tallies_truncate AFTER TRUNCATE ON sales_leads
  FOR EACH STATEMENT EXECUTE FUNCTION lead_tallies_after_statement();
CREATE TRIGGER lead_tallies_update AFTER UPDATE OF status, assigned_admin_id ON sales_leads FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assigned_admin_id IS DISTINCT FROM NEW.assigned_admin_id)
  EXECUTE FUNCTION lead_tallies_after_row_update();

-- Folds every row into one per (admin, status). Safe beside writers: the DELETE takes only the
-- rows its snapshot sees, and a row a concurrent writer commits later stays to be folded next
-- time; a second compaction at the same moment waits on the first's rows and finds them gone.
-- Returns how many rows it folded (the job reports it).
CREATE FUNCTION lead_tallies_compact() RETURNS integer LANGUAGE sql AS $$
  WITH gone AS (
    DELETE FROM lead_tallies RETURNING admin_id, status, leads
  ), kept AS (
    INSERT INTO lead_tallies (admin_id, status, leads)
    SELECT admin_id, status, sum(leads) FROM gone GROUP BY admin_id, status HAVING sum(leads) <> 0
    RETURNING 1
  )
  SELECT count(*)::integer FROM gone;
$$;

-- Counts every lead again: for a load that ran with triggers off (the 10x seed runs with
-- session_replication_role = replica). Writers wait for it (SHARE lock), so nothing is missed.
CREATE FUNCTION lead_tallies_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE sales_leads IN SHARE MODE;
  DELETE FROM lead_tallies;
  INSERT INTO lead_tallies (admin_id, status, leads)
  SELECT assigned_admin_id, status, count(*) FROM sales_leads GROUP BY 1, 2;
END $$;

-- The leads there already. CREATE TRIGGER above holds writers off until this commits.
SELECT lead_tallies_rebuild();
