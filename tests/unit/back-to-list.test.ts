// A ticket's "Volver a Mis Tickets" returns to the list with the filters it was opened from, and a
// crafted `from` can change those filters but never lead off the list.
import { describe, expect, it } from "vitest";
import { backToList, listQuery, ticketHref } from "../../app/_lib/back-to-list";

describe("the way back from a ticket to its list", () => {
  it("carries the list's filters to the ticket and back", () => {
    const from = listQuery({ tab: "closed", q: "web caída", status: ["resolved", "closed"], department: "3", cursor: "abc" });
    expect(from).toBe("tab=closed&q=web+ca%C3%ADda&status=resolved&status=closed&department=3");
    const href = ticketHref("/tickets", "TK-000042", from);
    expect(href.startsWith("/tickets/TK-000042?from=")).toBe(true);
    const carried = new URL(href, "http://x").searchParams.get("from") ?? undefined;
    expect(backToList("/tickets", carried)).toBe(`/tickets?${from}`);
  });

  it("goes to the bare list without filters, and links the row plainly", () => {
    expect(backToList("/tickets", undefined)).toBe("/tickets");
    expect(backToList("/agent", "")).toBe("/agent");
    expect(ticketHref("/agent/tickets", "TK-000001", "")).toBe("/agent/tickets/TK-000001");
  });

  it("keeps only the list's own parameters: no other path, no foreign keys", () => {
    expect(backToList("/tickets", "//evil.example/x")).toBe("/tickets");
    expect(backToList("/tickets", "https://evil.example/?tab=open")).toBe("/tickets");
    expect(backToList("/tickets", "tab=open&next=https://evil.example&locale=en")).toBe("/tickets?tab=open");
    expect(backToList("/agent", ["view=mine", "tab=all"])).toBe("/agent");
    expect(backToList("/agent", `q=${"x".repeat(2000)}`)).toBe("/agent");
  });
});
