import { describe, expect, it } from "vitest";
import { actors, statuses, transition, type Action, type Actor, type TicketStatus } from "../../server/domain/state-machine";

// The whole table, written out as the product describes it, then checked cell by cell against the
// module: statuses × actions × actors.
const customerActors: Actor[] = ["partner", "org_admin"];
const staffActors: Actor[] = ["agent", "admin"];

function expected(from: TicketStatus, action: Action, actor: Actor, anyTimeClose: boolean): TicketStatus | null {
  const isCustomer = customerActors.includes(actor);
  const isStaff = staffActors.includes(actor);
  switch (action.kind) {
    case "customer_reply":
      if (!isCustomer || from === "closed") return null;
      return from === "pending_customer" || from === "resolved" ? "open" : from;
    case "agent_reply":
      if (!isStaff || from === "closed") return null;
      return from === "new" ? "open" : from;
    case "assign":
      return isStaff ? (from === "new" ? "open" : from) : null;
    case "set_status":
      if (!isStaff || action.to === from || action.to === "new") return null;
      if (action.to === "reopened" && from !== "resolved" && from !== "closed") return null;
      return action.to;
    case "close":
      if (from === "closed") return null;
      if (isStaff) return "closed";
      if (!isCustomer) return null;
      return anyTimeClose || from === "resolved" ? "closed" : null;
    case "reopen":
      return actor !== "system" && (from === "resolved" || from === "closed") ? "reopened" : null;
    case "auto_resolve":
      return actor === "system" && from === "pending_customer" ? "resolved" : null;
    case "auto_close":
      return actor === "system" && from === "resolved" ? "closed" : null;
  }
}

const actions: Action[] = [
  { kind: "customer_reply" },
  { kind: "agent_reply" },
  { kind: "assign" },
  { kind: "close" },
  { kind: "reopen" },
  { kind: "auto_resolve" },
  { kind: "auto_close" },
  ...statuses.map((to) => ({ kind: "set_status" as const, to })),
];

describe("ticket state machine", () => {
  for (const anyTimeClose of [false, true]) {
    const policy = { customerMayClose: anyTimeClose ? ("any_time" as const) : ("after_resolved" as const) };
    it(`matches the product's table for every status × action × actor (${policy.customerMayClose})`, () => {
      let cells = 0;
      for (const from of statuses)
        for (const action of actions)
          for (const actor of actors) {
            const result = transition(from, action, actor, policy);
            const want = expected(from, action, actor, anyTimeClose);
            expect({ from, action, actor, to: result.ok ? result.to : null }).toEqual({ from, action, actor, to: want });
            cells++;
          }
      expect(cells).toBe(statuses.length * actions.length * actors.length);
    });
  }

  it("explains why a customer may not close before support resolves", () => {
    expect(transition("open", { kind: "close" }, "partner")).toEqual({ ok: false, reason: "close_before_resolved" });
    expect(transition("resolved", { kind: "close" }, "partner")).toEqual({ ok: true, to: "closed" });
  });

  it("asks to reopen before replying on a closed ticket", () => {
    expect(transition("closed", { kind: "customer_reply" }, "partner")).toEqual({ ok: false, reason: "closed_needs_reopen" });
  });

  it("keeps automatic transitions to the system", () => {
    expect(transition("resolved", { kind: "auto_close" }, "agent")).toEqual({ ok: false, reason: "not_allowed_for_actor" });
    expect(transition("pending_customer", { kind: "auto_resolve" }, "system")).toEqual({ ok: true, to: "resolved" });
  });
});
