// The help centre's Markdown renderer (app/_components/markdown.tsx): raw HTML is never rendered as
// HTML and unsafe link schemes never reach an href.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../../app/_components/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { children: text }));

describe("article Markdown", () => {
  it("renders headings one level below the page title, numbered steps, emphasis and safe links", () => {
    const html = render("# Pasos\n\n1. Abre **Outlook**.\n2. Pulsa [Ayuda](https://example.com/ayuda).\n\n[Perfil](/es/profile)");
    expect(html).toContain("<h2");
    expect(html).not.toContain("<h1");
    expect(html).toMatch(/<ol[^>]*>\s*<li>Abre <strong>Outlook<\/strong>\.<\/li>/);
    expect(html).toMatch(/<a href="https:\/\/example.com\/ayuda"[^>]* target="_blank" rel="noopener noreferrer nofollow">Ayuda<\/a>/);
    expect(html).toMatch(/<a href="\/es\/profile" class="[^"]*">Perfil<\/a>/);
  });

  it("drops raw HTML instead of rendering it", () => {
    const html = render(
      'Hola <script>alert(1)</script> <b onclick="x()">negrita</b>\n\n<iframe src="https://evil.example"></iframe>\n\n<img src=x onerror=alert(1)>',
    );
    expect(html).not.toMatch(/<script|<b[ >]|<iframe|onerror|onclick/i);
    expect(html).toContain("negrita");
  });

  it("never puts javascript:, vbscript: or data: addresses in a link or an image", () => {
    const html = render(
      "[uno](javascript:alert(1)) [dos](JaVaScRiPt:alert(1)) [tres](vbscript:msgbox) [cuatro](data:text/html;base64,PHNjcmlwdD4=) ![img](javascript:alert(1))",
    );
    expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
    expect(html).toContain(">uno</a>");
  });
});
