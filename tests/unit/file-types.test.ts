// What a file's name may claim, and how names are kept and given back.
import { describe, expect, it } from "vitest";
import { contentDisposition, cleanFileName } from "../../server/files/file-name";
import { contentMatches, defaultAllowedTypes, fileTypeById, typeByName } from "../../server/files/file-types";

describe("allowed types by name", () => {
  it("recognizes every allowed ending, case-insensitively, and .tar.gz as one type", () => {
    const names = {
      "captura.PNG": "png",
      "foto.jpeg": "jpg",
      "a.jpg": "jpg",
      "anim.gif": "gif",
      "factura.pdf": "pdf",
      "notas.txt": "txt",
      "error.log": "log",
      "viejo.doc": "doc",
      "nuevo.docx": "docx",
      "backup.zip": "zip",
      "sitio.tar.gz": "tar.gz",
      "sitio.tgz": "tar.gz",
    };
    for (const [name, id] of Object.entries(names)) expect(typeByName(name)?.id, name).toBe(id);
  });

  it("refuses other endings, bare extensions and types the policy left out", () => {
    for (const name of ["setup.exe", "page.html", "logo.svg", "script.js", "archive.gz", ".png", "png", "doc.png.exe"])
      expect(typeByName(name), name).toBeUndefined();
    expect(
      typeByName(
        "captura.png",
        defaultAllowedTypes.filter((t) => t !== "png"),
      ),
    ).toBeUndefined();
  });

  it("wants the content the name claims: a PNG name with an executable's bytes does not match", () => {
    const png = fileTypeById("png")!;
    expect(contentMatches(png, "png")).toBe(true);
    expect(contentMatches(png, "exe")).toBe(false);
    expect(contentMatches(fileTypeById("txt")!, "text")).toBe(true);
    expect(contentMatches(fileTypeById("txt")!, "elf")).toBe(false);
    expect(contentMatches(fileTypeById("doc")!, "cfb")).toBe(true);
  });

  it("serves no type a browser would run or render as a page", () => {
    for (const id of defaultAllowedTypes)
      expect(fileTypeById(id)!.contentType).not.toMatch(/html|svg|\+xml|^(text|application)\/xml|javascript/);
  });
});

describe("file names", () => {
  it("keep only the last path segment, without control characters or leading dots", () => {
    expect(cleanFileName("C:\\Users\\ana\\captura.png")).toBe("captura.png");
    expect(cleanFileName("../../etc/passwd.txt")).toBe("passwd.txt");
    expect(cleanFileName("mal\u0000vado\u202e.txt")).toBe("malvado.txt");
    expect(cleanFileName("...oculto.log")).toBe("oculto.log");
  });

  it("are shortened to 180 characters keeping their extension", () => {
    const long = `${"x".repeat(300)}.tar.gz`;
    const cleaned = cleanFileName(long);
    expect(cleaned).toHaveLength(180);
    expect(cleaned.endsWith(".tar.gz")).toBe(true);
  });

  it("cannot break the Content-Disposition header, and keep accents in the UTF-8 form", () => {
    const header = contentDisposition("attachment", 'fac"tura\r\nSet-Cookie: x.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.startsWith('attachment; filename="fac_tura')).toBe(true);
    expect(contentDisposition("inline", "información.png")).toBe(
      `inline; filename="informacion.png"; filename*=UTF-8''informaci%C3%B3n.png`,
    );
  });
});
