import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { zId } from "@/lib/leads/lead-input";
import { command } from "@/lib/command";

/**
 * Where a page of the history ends: the last row shown, by the history's order
 * (at DESC, rank, kind, id DESC), as base64url JSON. Opaque to the page; checked here.
 */
const ZCursorFields = z.tuple([z.iso.datetime(), z.number().int().min(0).max(9), z.enum(["activity", "action", "event", "email", "text", "conversion"]), z.number().int().positive()]);
export const ZTimelineCursor = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    try {
      return ZCursorFields.parse(JSON.parse(Buffer.from(s, "base64url").toString("utf8")));
    } catch {
      ctx.addIssue({ code: "custom", message: "Not a timeline position" });
      return z.NEVER;
    }
  });
const cursorOf = (r: { at: Date; rank: number; kind: string; id: number }) =>
  Buffer.from(JSON.stringify([r.at.toISOString(), r.rank, r.kind, r.id])).toString("base64url");

const ZPage = z.object({ before: ZTimelineCursor.optional() });
export const ZGetLeadTimeline = z.union([
  z.object({ lead_id: zId("lead_id") }).merge(ZPage),
  z.object({ company_id: zId("company_id") }).merge(ZPage),
]);
export type TGetLeadTimeline = z.input<typeof ZGetLeadTimeline>;

export type TTimelineKind = "activity" | "action" | "event" | "email" | "text" | "conversion";
export type TTimelineItem = {
  key: string;
  kind: TTimelineKind;
  leadId: number;
  at: string;
  actorName: string | null;
  data: Record<string, unknown>;
};

/** Rows per page: the lead page's first paint, then each "Show older". */
export const TIMELINE_PAGE = 50;

export type TLeadTimeline = {
  items: TTimelineItem[];
  /** The position to ask for with `before` to see older rows; null when this page reaches the start. */
  older: string | null;
};

// Events that only echo a row shown in its own right (the action, the email, the activity, the
// conversion) are left out, so each thing appears once.
const ECHO_EVENTS = [
  "action_logged",
  "activity",
  "converted",
  "email_sent",
  "email_event",
  "email_replied",
  "text_sent",
  "text_received",
  "call_locked",
];

/**
 * One merged, newest-first history of a lead (or of all a company's leads): free-tool activities,
 * sales actions, lifecycle events, emails and the conversion, in a single UNION ALL query, one
 * page at a time (issue #19: a lead with 5 000 events). Keyset paging: each part reads, from its
 * (lead_id, time) index backwards, only the rows after the cursor and at most a page and one of
 * them, so a page costs the same at the first row as at the five-thousandth.
 */
export const getLeadTimeline = command(
  { input: ZGetLeadTimeline, may: "lead.read" },
  async (actor, data): Promise<TLeadTimeline> => {
    const leads =
      "lead_id" in data
        ? Prisma.sql`= ${data.lead_id}`
        : Prisma.sql`IN (SELECT id FROM sales_leads WHERE company_id = ${data.company_id})`;
    const take = TIMELINE_PAGE + 1;
    // Rows after the cursor in the history's order (at DESC, rank, kind, id DESC); rank and kind
    // are each part's constants, so PostgreSQL folds all but the time and id comparisons away.
    const after = (at: string, rank: number, kind: TTimelineKind, id: string) => {
      if (!data.before) return Prisma.empty;
      const [cAt, cRank, cKind, cId] = data.before;
      const [t, i] = [Prisma.raw(at), Prisma.raw(id)];
      return Prisma.sql`AND (${t} < ${cAt}::timestamptz OR (${t} = ${cAt}::timestamptz AND (
        ${rank}::int > ${cRank}::int OR (${rank}::int = ${cRank}::int AND (${kind}::text > ${cKind}::text OR (${kind}::text = ${cKind}::text AND ${i} < ${cId}::int))))))`;
    };

    const rows = await db.$queryRaw<
      {
        kind: TTimelineKind;
        rank: number;
        id: number;
        lead_id: number;
        at: Date;
        actor_name: string | null;
        data: Record<string, unknown>;
      }[]
    >`
    SELECT * FROM (
      (SELECT 'activity' AS kind, 4 AS rank, a.id, a.lead_id, a.occurred_at AS at, NULL::text AS actor_name,
             -- A webhook's activity keeps the whole event ({type, occurred_at, company, data, …}, see
             -- lib/ingest/create-sales-lead.ts): what the tool sent about the job is its data.
             jsonb_build_object('source', a.source, 'payload',
               CASE WHEN a.payload ? 'company' AND jsonb_typeof(a.payload->'data') = 'object' THEN a.payload->'data'
                    ELSE a.payload END) AS data
      FROM lead_activities a WHERE a.lead_id ${leads} ${after("a.occurred_at", 4, "activity", "a.id")}
      ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'action', 1, s.id, s.lead_id, s.created_at, u.name,
             jsonb_build_object('action_type', s.action_type, 'outcome', s.outcome, 'description', s.action_description,
                                'notes', s.notes, 'follow_up_date', s.follow_up_date, 'follow_up_has_time', s.follow_up_has_time,
                                'voided_at', s.voided_at, 'covering_for', cf.name)
      FROM sales_actions s JOIN users u ON u.id = s.admin_id LEFT JOIN users cf ON cf.id = s.covering_for_id WHERE s.lead_id ${leads} ${after("s.created_at", 1, "action", "s.id")}
        -- an email sent from the CRM is also a sales action (same sender and moment): shown once, as the email
        AND NOT (s.action_type = 'email' AND EXISTS (
          SELECT 1 FROM email_messages m WHERE m.lead_id = s.lead_id AND m.sender_id = s.admin_id AND m.sent_at = s.created_at))
        -- likewise a text sent from the CRM (a text logged from the rep's own phone has no row there)
        AND NOT (s.action_type = 'text' AND EXISTS (
          SELECT 1 FROM text_messages x WHERE x.lead_id = s.lead_id AND x.sender_id = s.admin_id AND x.sent_at = s.created_at))
      ORDER BY s.created_at DESC, s.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'event', 2, e.id, e.lead_id, e.created_at, u.name,
             jsonb_build_object('type', e.type, 'from_status', e.from_status, 'to_status', e.to_status, 'data', e.data)
      FROM lead_events e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.lead_id ${leads} AND e.type NOT IN (${Prisma.join(ECHO_EVENTS)}) ${after("e.created_at", 2, "event", "e.id")}
      ORDER BY e.created_at DESC, e.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'email', 1, m.id, m.lead_id, coalesce(m.sent_at, m.created_at), u.name,
             jsonb_build_object('subject', m.subject, 'status', m.status, 'to_email', m.to_email, 'open_count', m.open_count,
                                'click_count', m.click_count, 'replied_at', m.replied_at)
      FROM email_messages m JOIN users u ON u.id = m.sender_id
      WHERE m.lead_id ${leads} ${after("coalesce(m.sent_at, m.created_at)", 1, "email", "m.id")}
      ORDER BY coalesce(m.sent_at, m.created_at) DESC, m.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'text', 1, x.id, x.lead_id, coalesce(x.sent_at, x.created_at), u.name,
             jsonb_build_object('direction', x.direction, 'body', x.body, 'status', x.status, 'to_phone', x.to_phone,
                                'from_phone', x.from_phone, 'error', x.error, 'send_after', x.send_after)
      FROM text_messages x LEFT JOIN users u ON u.id = x.sender_id
      WHERE x.lead_id ${leads} ${after("coalesce(x.sent_at, x.created_at)", 1, "text", "x.id")}
      ORDER BY coalesce(x.sent_at, x.created_at) DESC, x.id DESC LIMIT ${take})
      UNION ALL
      (SELECT 'conversion', 0, c.id, c.lead_id, c.created_at, u.name,
             jsonb_build_object('value', c.conversion_value, 'conversion_type', c.conversion_type, 'order_id', c.order_id, 'notes', c.notes)
      FROM sales_conversions c LEFT JOIN users u ON u.id = c.admin_id WHERE c.lead_id ${leads} ${after("c.created_at", 0, "conversion", "c.id")}
      ORDER BY c.created_at DESC, c.id DESC LIMIT ${take})
    ) t
    -- Rows of one transaction may share a timestamp: the action or conversion then reads above
    -- the status change it caused.
    ORDER BY at DESC, rank, kind, id DESC
    LIMIT ${take}`;
    const page = rows.slice(0, TIMELINE_PAGE);
    return {
      items: page.map((r) => ({
        key: `${r.kind}-${r.id}`,
        kind: r.kind,
        leadId: r.lead_id,
        at: r.at.toISOString(),
        actorName: r.actor_name,
        data: r.data,
      })),
      older: rows.length > TIMELINE_PAGE ? cursorOf(page[page.length - 1]) : null,
    };
  },
);
