// A mailbox's last error in words an administrator can act on ("Authentication failed: …", "Could not
// connect to imap.example.com:993 (connection refused)") rather than a stack trace.
import { MailboxAuthProblem } from "./oauth2";

interface ErrorLike {
  message?: string;
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
  mailboxMissing?: boolean;
  path?: string;
  eventName?: string;
}

export function describeMailboxError(error: unknown, where: { host: string; port: number }): string {
  if (error instanceof MailboxAuthProblem) return error.message;
  const e = (typeof error === "object" && error ? error : { message: String(error) }) as ErrorLike;
  const server = `${where.host}:${where.port}`;
  if (e.authenticationFailed) return `Authentication failed: ${e.responseText || e.message || "the server refused the credentials"}`;
  switch (e.code) {
    case "ECONNREFUSED":
      return `Could not connect to ${server} (connection refused).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Could not connect to ${server} (unknown host).`;
    case "ETIMEDOUT":
    case "CONNECT_TIMEOUT":
    case "GREETING_TIMEOUT":
    case "ETIMEOUT":
      return `${server} did not answer in time.`;
    case "ECONNRESET":
    case "EConnectionClosed":
    case "NoConnection":
      return `${server} closed the connection.`;
  }
  if (e.mailboxMissing) return `The folder "${e.path ?? "?"}" does not exist on the server.`;
  if (e.code?.startsWith("ERR_TLS") || e.code?.startsWith("CERT_") || /certificate|SSL|TLS/i.test(e.message ?? ""))
    return `Secure connection to ${server} failed: ${e.message}`;
  return (e.responseText || e.message || "Unknown error").slice(0, 1000);
}
