// Prepares the embedded database in DATA_DIR for tests/e2e/inbound-restart.e2e.ts (the server must be
// stopped): the demo data and one IMAP mailbox, `node --import tsx tests/e2e/support/inbound-setup.ts
// <host> <port> <user> <password>`; with `report` instead, prints what became of the mails as JSON.
import { loadStartupConfig } from "../../../server/boot/config";
import { openDatabase } from "../../../server/db/open";
import { seedDemo } from "../../../server/seed/demo";
import { sealSecret } from "../../../server/sensitive/secret-box";

await loadStartupConfig(); // the same secrets as the server (DATA_DIR/secrets.json)
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("inbound-setup: DATA_DIR is required");
const database = await openDatabase({ dataDir });
const db = database.db;
const [command, ...args] = process.argv.slice(2);
if (command === "report") {
  const tickets = await db.ticket.findMany({
    where: { channel: "email" },
    select: { subject: true, requester: { select: { email: true } }, _count: { select: { messages: { where: { kind: "public" } } } } },
  });
  const mails = await db.inboundMail.groupBy({ by: ["status", "outcome"], _count: true });
  console.log(JSON.stringify({ tickets: tickets.map((t) => ({ subject: t.subject, messages: t._count.messages })), mails }));
} else {
  const [host, port, username, password] = [command, ...args];
  await seedDemo(db);
  const mailbox = await db.mailbox.create({
    data: {
      name: "Restart test",
      protocol: "imap",
      host: host!,
      port: Number(port),
      tls: false,
      username: username!,
      processedFolder: "Procesados",
    },
  });
  await db.mailbox.update({ where: { id: mailbox.id }, data: { passwordSealed: sealSecret(password!, `mailbox:${mailbox.id}:password`) } });
}
await database.close();
