// What came of an inbound mail: each key is shown, translated, in Administración › Correo entrante
// (Admin.inbound.outcome.<key>), and tests account for every mail by it.

/** Done with nothing left for a person. */
export const processedOutcomes = [
  "ticket_created",
  "reply_added",
  /** an out-of-office for a ticket: a staff-only note */
  "auto_reply_noted",
  /** a list, bulk or other automatic mail: never answered */
  "automatic_ignored",
  /** Mesa's own mail came back */
  "own_mail",
  /** a second copy of a message already received */
  "duplicate",
  "bounce_recorded",
  /** a bounce of a mail Mesa did not send */
  "bounce_unmatched",
  /** a delay notice: the mail may still arrive */
  "delivery_delayed",
  "refused_intake_off",
  "refused_not_contact",
  /** refused, but this sender already got a refusal today */
  "refused_quietly",
  /** an answer to a refusal: not answered again */
  "reply_to_refusal",
] as const;

/** Waiting for staff. */
export const heldOutcomes = [
  /** someone who may not see the ticket wrote into its thread */
  "sender_not_allowed",
  /** no recipient is an intake address and no ticket matched */
  "no_intake_address",
  /** no usable From address */
  "no_sender",
  /** a ticket rule refused it (detail: the rule) */
  "refused_by_rule",
] as const;

export const failedOutcome = "processing_error";

export type ProcessedOutcome = (typeof processedOutcomes)[number];
export type HeldOutcome = (typeof heldOutcomes)[number];
export type Outcome = ProcessedOutcome | HeldOutcome | typeof failedOutcome;
