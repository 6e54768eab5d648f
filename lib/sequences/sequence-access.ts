import type { TActor } from "@/lib/auth/permissions";
import { isManager } from "@/lib/auth/permissions";

// Who sees and uses a sequence, as templates do: a shared one (no owner, the manager's) is
// everyone's to use and the manager's to change; a rep's own is theirs (and the manager's to see).
// Anyone else learns nothing of it (404).

export function maySeeSequence(actor: TActor, s: { ownerId: number | null }): boolean {
  return s.ownerId === null || s.ownerId === actor.id || isManager(actor);
}

export function mayChangeSequence(actor: TActor, s: { ownerId: number | null }): boolean {
  return s.ownerId === null ? isManager(actor) : s.ownerId === actor.id;
}

/** The where-clause of the sequences the actor may see. */
export function visibleSequencesWhere(actor: TActor) {
  return isManager(actor) ? {} : { OR: [{ ownerId: null }, { ownerId: actor.id }] };
}

/** Whether texts can be sent at all: the text step is refused at enrolment until lib/sms exists. */
export const TEXT_STEPS_AVAILABLE = false;
export const TEXT_STEPS_UNAVAILABLE =
  "This sequence has a text step, and texting is not set up in this version yet: remove the text step or wait for texting.";
