// A real SMTP server on a random loopback port that keeps what it receives, parsed. Mesa sends
// through it exactly as through a provider (SMTP_URL).
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Mailbox {
  url: string;
  received: ParsedMail[];
  /** The mails received for an address, oldest first. */
  to(address: string): ParsedMail[];
  close(): Promise<void>;
}

export interface MailboxOptions {
  /** Recipients this server refuses at RCPT TO (a mailbox that does not exist). */
  reject?: (address: string) => boolean;
  /** Milliseconds to wait before accepting each message (a slow provider). */
  delayMs?: number;
}

export async function startMailbox(options: MailboxOptions = {}): Promise<Mailbox> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // Senders keep pooled connections open: do not wait for them when the test closes the server.
    closeTimeout: 100,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.reject?.(address.address))
        return callback(Object.assign(new Error(`550 5.1.1 <${address.address}>: no such user`), { responseCode: 550 }));
      callback();
    },
    // The mail is stored before the server answers 250, so once sendMail() resolves it is here.
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          if (options.delayMs) setTimeout(() => callback(), options.delayMs);
          else callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A sender that goes away mid-session (a server killed with SIGKILL in the restart tests) resets
  // its connection; smtp-server reports that as an "error" event, which unheard would throw in the
  // test process. A real provider logs it and carries on; so does this one.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const recipients = (mail: ParsedMail) => [mail.to].flat().flatMap((a) => a?.value.map((v) => v.address?.toLowerCase()) ?? []);
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address) => received.filter((m) => recipients(m).includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
