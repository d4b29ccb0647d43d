// Words that agree with their numbers in every language: file sizes and the keys of a shortcut.
import { describe, expect, it } from "vitest";
import { formatBytes } from "../../app/_components/attachments/upload-file";
import { keyParts } from "../../app/_components/shortcuts/key-list";

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
