// The shared frame of every Mesa email: a plain-text part and a small, inline-styled HTML part.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export interface MailBody {
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer: string;
}

export function renderText(body: MailBody): string {
  const action = body.action ? [`${body.action.label}: ${body.action.url}`] : [];
  return [body.greeting, ...body.paragraphs, ...action, "--", body.footer].join("\n\n") + "\n";
}

export function renderHtml(body: MailBody, lang: string): string {
  const p = (text: string) => `<p style="margin:0 0 16px">${escape(text)}</p>`;
  const action = body.action
    ? `<p style="margin:24px 0"><a href="${escape(body.action.url)}" style="background:#0f766e;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(body.action.label)}</a></p><p style="font-size:12px;color:#555;word-break:break-all">${escape(body.action.url)}</p>`
    : "";
  return `<!doctype html><html lang="${lang}"><body style="font-family:system-ui,sans-serif;color:#111;max-width:560px;margin:auto;padding:24px">${p(body.greeting)}${body.paragraphs.map(p).join("")}${action}<hr style="border:none;border-top:1px solid #ddd"><p style="font-size:12px;color:#555">${escape(body.footer)}</p></body></html>`;
}
