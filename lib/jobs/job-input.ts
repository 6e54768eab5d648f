import { z } from "zod";

/** A job on the Jobs page: its kind (pg-boss queue name) and id. */
export const ZJobRef = z.object({
  kind: z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, "Unknown job kind"),
  id: z.string().trim().uuid("Not a job id"),
});
export type TJobRef = z.output<typeof ZJobRef>;
