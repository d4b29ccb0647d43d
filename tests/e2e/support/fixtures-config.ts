// Addresses and shapes shared by the fixtures process, playwright.config.ts and the tests.
export const FIXTURES = {
  host: "127.0.0.1",
  smtpPort: 2526,
  oidcPort: 3190,
  apiPort: 3191,
  oidcIssuer: "http://127.0.0.1:3190",
  apiUrl: "http://127.0.0.1:3191",
} as const;

/** The cookie (on the OpenID provider's origin) that names the identity a browser signs in as. */
export const IDENTITY_COOKIE = "mock-identity";

export interface Identity {
  sub: string;
  email: string;
  name: string;
  email_verified?: boolean;
}

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets; "" when absent. */
  messageId: string;
  /** The Reply-To address (a ticket's reply+<token>@…); "" when absent. */
  replyTo: string;
  receivedAt: string;
}
