-- AlterTable
ALTER TABLE "sequence_step_runs" ADD COLUMN     "text_message_id" INTEGER;
