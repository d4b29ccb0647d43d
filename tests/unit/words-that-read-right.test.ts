// Words that agree with their numbers in every language: file sizes, the keys of a shortcut, days.
import { describe, expect, it } from "vitest";
import { formatBytes } from "../../app/_components/attachments/upload-file";
import { keyParts } from "../../app/_components/shortcuts/key-list";
import { translator } from "../../server/i18n/translate";

/** French puts a narrow no-break space between number and unit: compared as a plain space. */
const size = (bytes: number, locale: string) => formatBytes(bytes, locale).replace(/\s/g, " ");

describe("file sizes", () => {
  it("says bytes in the plural and byte in the singular, in each language", () => {
    expect(size(78, "en")).toBe("78 bytes");
    expect(size(1, "en")).toBe("1 byte");
    expect(size(78, "es")).toBe("78 bytes");
    expect(size(1, "pt")).toBe("1 byte");
    expect(size(78, "pt")).toBe("78 bytes");
    expect(size(78, "fr")).toBe("78 octets");
  });

  it("uses the short unit from a kilobyte on, with the language's decimal mark", () => {
    expect(size(1536, "en")).toBe("1.5 kB");
    expect(size(1536, "es")).toBe("1,5 kB");
    expect(size(5 * 1024 * 1024, "fr")).toBe("5 Mo");
  });
});

describe("shortcut keys", () => {
  const text = (keys: string[], locale: string) => keyParts(keys, locale).map((p) => (p.kind === "key" ? `[${p.value}]` : p.value));

  it("joins alternatives as the language does, the keys apart from the words", () => {
    // Spanish turns "o" into "u" before an o-sound: "Intro u o", never "Intro o o".
    expect(text(["Intro", "o"], "es").join("")).toBe("[Intro] u [o]");
    expect(text(["Enter", "o"], "en").join("")).toBe("[Enter] or [o]");
    expect(text(["Enter", "o"], "pt").join("")).toBe("[Enter] ou [o]");
    expect(text(["Entrée", "o"], "fr").join("")).toBe("[Entrée] ou [o]");
    expect(text(["r"], "es")).toEqual(["[r]"]);
  });
});

describe("days in automatic-transition mails and history", () => {
  const t = (locale: "es" | "en" | "pt" | "fr") => translator(locale);
  const closed = { reference: "TK-000042", subject: "La web no carga" };

  it("says one day in the singular and several in the plural", () => {
    expect(t("es")("Email.ticket.auto_closed.intro", { ...closed, days: 1, unit: "business" })).toContain("tras 1 día hábil en Resuelto");
    expect(t("es")("Email.ticket.auto_closed.intro", { ...closed, days: 7, unit: "calendar" })).toContain("tras 7 días en Resuelto");
    expect(t("en")("Email.ticket.auto_resolved.intro", { ...closed, days: 1 })).toContain("in 1 business day,");
    expect(t("pt")("Events.auto_closed", { days: 1, unit: "calendar" })).toBe("Fechado automaticamente após 1 dia em Resolvido");
    expect(t("fr")("Events.auto_resolved", { days: 5 })).toContain("après 5 jours ouvrés");
    expect(t("fr")("Events.auto_resolved", { days: 1 })).toContain("après 1 jour ouvré");
  });
});
