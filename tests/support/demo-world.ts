// A database with the demo data (Acme, Globex, the five demo accounts, departments, KB articles)
// and, when asked, a real SMTP server receiving Mesa's mail; `login` signs a demo account in.
import type { SignedIn } from "./factories";
import type { Db } from "../../server/db";
import { seedDemo } from "../../server/seed/demo";
import { signedIn } from "./factories";
import { startMailbox, type Mailbox, type MailboxOptions } from "./mailbox";
import { createTestDatabase, type TestDatabase } from "./test-db";

export interface DemoWorld {
  database: TestDatabase;
  db: Db;
  mailbox?: Mailbox;
  login(email: string): Promise<SignedIn>;
  close(): Promise<void>;
}

export async function openDemoWorld(options: { mail?: boolean | MailboxOptions } = {}): Promise<DemoWorld> {
  // SMTP_URL must be set before anything reads the configuration (it is cached per process).
  const mailbox = options.mail ? await startMailbox(options.mail === true ? {} : options.mail) : undefined;
  if (mailbox) process.env.SMTP_URL = mailbox.url;
  const database = await createTestDatabase();
  const db = database.db;
  await seedDemo(db);
  return {
    database,
    db,
    mailbox,
    login: async (email) => signedIn(db, (await db.user.findUniqueOrThrow({ where: { email } })).id),
    close: async () => {
      await database.close();
      await mailbox?.close();
    },
  };
}
