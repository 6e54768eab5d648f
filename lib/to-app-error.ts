import "server-only";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { logger } from "@/lib/logger";

/** The user-safe form of any error; unknown ones are logged here, once, with their stack. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) {
    logger.warn({ err }, "database unavailable");
    return new AppError("UNAVAILABLE", "The database is unavailable; try again shortly.");
  }
  logger.error({ err }, "unexpected error");
  return new AppError("INTERNAL", "Something went wrong on our side.");
}
