// Without INBOUND_EMAIL_SECRET the inbound mail webhook does not exist: 404 whatever is sent, so an
// installation that never set it up offers no door to knock on.
import { describe, expect, it } from "vitest";
import { POST } from "../../app/api/inbound/email/route";

describe("POST /api/inbound/email without INBOUND_EMAIL_SECRET", () => {
  it("answers 404, with or without a bearer token", async () => {
    for (const authorization of ["", "Bearer anything-at-all-0123456789"]) {
      const response = await POST(
        new Request("http://mesa.test/api/inbound/email", {
          method: "POST",
          headers: { authorization, "content-type": "message/rfc822" },
          body: "From: a@example.test\r\nSubject: hola\r\n\r\nhola\r\n",
        }),
      );
      expect(response.status).toBe(404);
    }
  });
});
