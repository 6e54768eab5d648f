import { z } from "zod";
import { isStateCode } from "@/lib/geo/us-states";

// Shared by the territory functions and their forms. States arrive as an array (JSON, checkboxes)
// or one comma/space separated string (a text field); codes are upper-cased, checked against
// lib/geo/us-states.ts, de-duplicated and sorted so equal sets compare equal.
export const ZStateList = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,;]+/) : (v ?? [])),
    z.array(z.string().trim().toUpperCase()),
  )
  .transform((codes) => codes.filter((c) => c !== ""))
  .superRefine((codes, ctx) => {
    const bad = codes.filter((c) => !isStateCode(c));
    if (bad.length) ctx.addIssue({ code: "custom", message: `Not US state codes: ${bad.join(", ")}` });
  })
  .transform((codes) => [...new Set(codes)].sort());

export const ZTerritoryName = z.string().trim().min(1, "Name is required").max(80, "At most 80 characters");
export const ZId = z.coerce.number().int().positive();
