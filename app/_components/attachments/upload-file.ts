"use client";
// One file to POST /api/attachments with XMLHttpRequest (fetch has no upload progress), reporting
// progress; resolves with the stored file or rejects with the server's translated message.

export interface StoredUpload {
  id: string;
  name: string;
  size: number;
  fileType: string;
}

export type UploadTarget = { ticket: string } | { organizationId: string | null };

export function uploadFile(
  file: File,
  target: UploadTarget,
  locale: string,
  onProgress: (fraction: number) => void,
  fallbackError: string,
  signal?: AbortSignal,
): Promise<StoredUpload> {
  const query = new URLSearchParams({ name: file.name });
  if ("ticket" in target) query.set("ticket", target.ticket);
  else query.set("organizationId", target.organizationId ?? "");
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/attachments?${query}`);
    xhr.setRequestHeader("x-mesa-locale", locale);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: { error?: string } & Partial<StoredUpload> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON: a proxy's page; the fallback message says what happened
      }
      if (xhr.status === 201 && body.id) resolve(body as StoredUpload);
      else reject(new Error(body.error ?? fallbackError));
    };
    xhr.onerror = () => reject(new Error(fallbackError));
    xhr.onabort = () => reject(new Error(fallbackError));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** "78 bytes", "1 byte", "78 octets", "1,5 MB". Below a kilobyte the unit is spelled out: CLDR's
 * short form has no plural in some languages ("78 byte" in English, "1 bytes" in Portuguese), the
 * long form agrees with the number in all four. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
