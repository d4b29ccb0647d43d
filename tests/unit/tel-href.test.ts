import { describe, expect, it } from "vitest";
import { telHref } from "../../app/_components/ticket-view/tel-href";

describe("telHref", () => {
  it("keeps the digits and the leading + of an international number", () => {
    expect(telHref("+52 55 1234-5678")).toBe("tel:+525512345678");
    expect(telHref(" +34 (600) 111.222 ")).toBe("tel:+34600111222");
  });
  it("writes a local number as its digits", () => {
    expect(telHref("600 111 222")).toBe("tel:600111222");
  });
});
