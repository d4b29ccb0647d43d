import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "../../server/i18n/locales";

describe("negotiateLocale (the language a first visit is shown in)", () => {
  it.each([
    ["es", "es"],
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["pt-BR", "pt"],
    ["PT-br,en;q=0.5", "pt"],
    ["de-DE,de;q=0.9,fr;q=0.8,en;q=0.7", "fr"],
    ["en;q=0.2,es;q=0.9", "es"],
    ["fr;q=0.5,pt;q=0.5", "fr"],
    ["es;q=0,fr;q=0.1", "fr"],
    ["*", "en"],
    ["de,ja,zh-CN", "en"],
    ["es;q=abc,pt", "pt"],
    ["", "en"],
  ])("Accept-Language %j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("falls back to English without a header", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
  });
});

describe("isLocale", () => {
  it("accepts exactly the four offered languages", () => {
    expect(["es", "en", "pt", "fr"].every(isLocale)).toBe(true);
    expect(["de", "pt-BR", "EN", "", null, 3].some(isLocale)).toBe(false);
  });
});
