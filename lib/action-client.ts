import "server-only";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/get-actor";
import type { TActor } from "@/lib/auth/permissions";
import type { TCommand } from "@/lib/command";
import { isDatabaseUnavailable } from "@/lib/errors";
import { noteDatabaseUnavailable } from "@/lib/ops/request-context";
import { toAppError } from "@/lib/to-app-error";
import { formDataToObject } from "@/lib/form-data";

import type { TActionState } from "@/lib/action-state";

type TActionOptions<R> = {
  /** Paths whose cached pages show what this action changed: declared here, once per action. */
  revalidate?: (result: R, input: Record<string, unknown>) => string[];
  success?: (result: R) => string;
};

/**
 * Wraps a domain command as a server action: loads the session (re-checked against the
 * database), turns FormData into a plain object, runs the command (which parses the input with
 * its schema and authorizes itself), maps AppErrors to a user-safe message and field errors, and
 * revalidates the declared pages. During a database outage the answer's status is 503.
 */
export function defineAction<R>(
  run: Pick<TCommand<TActor, never, R>, "fromRequest">,
  options: TActionOptions<R> = {},
) {
  return async function action(
    _prev: unknown,
    payload: FormData | Record<string, unknown>,
  ): Promise<TActionState<R>> {
    const input = payload instanceof FormData ? formDataToObject(payload) : (payload ?? {});
    try {
      const actor = await requireActor();
      const data = await run.fromRequest(actor, input);
      for (const path of options.revalidate?.(data, input) ?? []) revalidatePath(path);
      return { ok: true, data, message: options.success?.(data) };
    } catch (err) {
      // A database outage is answered 503 with Retry-After (server.ts rewrites the status), as
      // every route is; Next's client still reads the action's result from a 503, so the form
      // shows this message.
      if (isDatabaseUnavailable(err)) noteDatabaseUnavailable();
      const e = toAppError(err);
      const errors: Record<string, string[]> = {};
      for (const issue of e.issues ?? []) (errors[issue.path || "form"] ??= []).push(issue.message);
      return { ok: false, message: e.message, errors: e.issues ? errors : undefined };
    }
  };
}
