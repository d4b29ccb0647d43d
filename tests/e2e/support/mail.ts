// Reads what the fixtures' SMTP server received.
import { expect, type APIRequestContext } from "@playwright/test";
import { FIXTURES, type ReceivedMail } from "./fixtures-config";

export async function mailsTo(request: APIRequestContext, to: string): Promise<ReceivedMail[]> {
  const response = await request.get(`${FIXTURES.apiUrl}/mail`, { params: { to } });
  expect(response.ok()).toBe(true);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for the newest message to `to` whose subject is `subject`. */
export async function waitForMail(
  request: APIRequestContext,
  to: string,
  subject: string,
  options: { after?: number } = {},
): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        const mails = (await mailsTo(request, to)).filter((m) => m.subject === subject).slice(options.after ?? 0);
        found = mails.at(-1);
        return found?.subject;
      },
      { message: `an email "${subject}" to ${to}`, timeout: 20_000 },
    )
    .toBe(subject);
  return found!;
}

/** The link of an account email that leads to `page` of the app ("activate", "reset-password"). */
export function appLink(mail: ReceivedMail, page: string): URL {
  const link = (mail.text.match(/https?:\/\/\S+/g) ?? []).map((l) => new URL(l)).find((l) => l.pathname.endsWith(`/${page}`));
  if (!link) throw new Error(`no link to /${page} in "${mail.subject}":\n${mail.text}`);
  return link;
}
