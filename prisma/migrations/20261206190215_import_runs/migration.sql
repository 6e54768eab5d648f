-- CSV imports (issue 17): the run (mapping, decisions, progress), its file, its rejected rows.
-- See lib/import/ and docs/architecture.md ("CSV import").

-- CreateEnum
CREATE TYPE "import_kind" AS ENUM ('companies', 'leads');

-- CreateEnum
CREATE TYPE "import_status" AS ENUM ('draft', 'queued', 'running', 'cancelled', 'finished', 'failed');

-- CreateTable
CREATE TABLE "import_runs" (
    "id" SERIAL NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "kind" "import_kind" NOT NULL DEFAULT 'companies',
    "status" "import_status" NOT NULL DEFAULT 'draft',
    "file_name" TEXT NOT NULL,
    "file_bytes" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "mapping" JSONB,
    "decisions" JSONB,
    "assign_to_id" INTEGER,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "rows_done" INTEGER NOT NULL DEFAULT 0,
    "last_row" INTEGER NOT NULL DEFAULT 1,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "leads_created" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "import_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_files" (
    "run_id" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "import_files_pkey" PRIMARY KEY ("run_id")
);

-- CreateTable
CREATE TABLE "import_run_errors" (
    "id" BIGSERIAL NOT NULL,
    "run_id" INTEGER NOT NULL,
    "row" INTEGER NOT NULL,
    "column" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "import_run_errors_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: the import page lists the latest runs (ORDER BY created_at DESC LIMIT n).
CREATE INDEX "import_runs_created_at_idx" ON "import_runs"("created_at");

-- CreateIndex: the error report reads one run's errors in row order.
CREATE INDEX "import_run_errors_run_id_row_idx" ON "import_run_errors"("run_id", "row");

-- AddForeignKey
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_run_errors" ADD CONSTRAINT "import_run_errors_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "import_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The import's possible-duplicate suggestion (lib/import/classify-import-rows.ts): a company of the
-- same name (any case, outer spaces ignored) in the same state. Without it each batch of 500 rows
-- was a hash join over every company; with it, 500 index probes.
-- The name alone: the query compares state as text, which a char(2) index column would not serve.
CREATE INDEX "companies_name_key_idx" ON "companies" (lower(btrim("name")));
