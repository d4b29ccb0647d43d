// Account emails carry names people typed themselves: the HTML must show them, not run them.
import { describe, expect, it } from "vitest";
import { renderHtml, renderText } from "../../server/email/layout";

const body = {
  greeting: `Hola, <script>alert("x")</script> & "Ana":`,
  paragraphs: ["Primero.", "Segundo."],
  action: { label: "Activar", url: "http://mesa.test/es/activate?token=a&b=<c>" },
  footer: "Mesa",
};

describe("email layout", () => {
  it("escapes what people typed in the HTML part", () => {
    const html = renderHtml(body, "es");
    expect(html).not.toContain("<script>");
    expect(html).toContain("Hola, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Ana&quot;:");
    expect(html).toContain(`href="http://mesa.test/es/activate?token=a&amp;b=&lt;c&gt;"`);
    expect(html).toContain(`<html lang="es">`);
  });

  it("keeps the link usable in the plain-text part", () => {
    const text = renderText(body);
    expect(text).toContain("Activar: http://mesa.test/es/activate?token=a&b=<c>");
    expect(text.indexOf("Primero.")).toBeLessThan(text.indexOf("Segundo."));
    expect(text.trimEnd().endsWith("Mesa")).toBe(true);
  });
});
