-- CreateTable
CREATE TABLE "notes" (
    "id" SERIAL NOT NULL,
    "lead_id" INTEGER,
    "company_id" INTEGER,
    "author_id" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "mention_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    "deleted_at" TIMESTAMPTZ(3),
    "deleted_by_id" INTEGER,

    CONSTRAINT "notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_away_periods" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "cover_user_id" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_by_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_away_periods_pkey" PRIMARY KEY ("id")
);

-- Serves a lead's note thread, oldest first (listNotes for a lead).
CREATE INDEX "notes_lead_id_created_at_idx" ON "notes"("lead_id", "created_at");

-- Serves a company's note thread (listNotes for a company).
CREATE INDEX "notes_company_id_created_at_idx" ON "notes"("company_id", "created_at");

-- Serves "is this user away now" (auto-assignment's skip, the lead rules' cover lookup) and the
-- overlap check of setAwayPeriod: periods of one user not yet ended.
CREATE INDEX "user_away_periods_user_id_ends_at_idx" ON "user_away_periods"("user_id", "ends_at");

-- Serves the call list's "whom am I covering now" (callListQuery's covered CTE).
CREATE INDEX "user_away_periods_cover_user_id_ends_at_idx" ON "user_away_periods"("cover_user_id", "ends_at");

-- Serves the dashboard's "who is away" and the away page: periods not yet ended, for everyone.
CREATE INDEX "user_away_periods_ends_at_idx" ON "user_away_periods"("ends_at");

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_lead_id_fkey" FOREIGN KEY ("lead_id") REFERENCES "sales_leads"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "companies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notes" ADD CONSTRAINT "notes_deleted_by_id_fkey" FOREIGN KEY ("deleted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_away_periods" ADD CONSTRAINT "user_away_periods_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_away_periods" ADD CONSTRAINT "user_away_periods_cover_user_id_fkey" FOREIGN KEY ("cover_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_away_periods" ADD CONSTRAINT "user_away_periods_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- No CHECK constraints here (one thread per note, ends_at > starts_at, cover <> user): the
-- offline schema engine (@prisma/schema-engine-wasm) panics reading a CHECK's "char" type, so
-- the domain functions (lib/notes/, lib/away/) hold these rules, with tests.
