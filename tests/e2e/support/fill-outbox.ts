// Puts N mails in the outbox of the embedded database in DATA_DIR (the server must be stopped):
// `node --import tsx tests/e2e/support/fill-outbox.ts <count>`. Used to test a restart mid-send.
import { openDatabase } from "../../../server/db/open";

const count = Number(process.argv[2] ?? 1000);
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error("fill-outbox: DATA_DIR is required");
const database = await openDatabase({ dataDir });
await database.db.outboxMail.createMany({
  data: Array.from({ length: count }, (_, i) => ({
    key: `restart-test:${i}`,
    toAddress: `bulk-${i}@example.test`,
    subject: `Outbox ${i}`,
    text: `Mail ${i}`,
    html: `<p>Mail ${i}</p>`,
    headers: {
      messageId: `<restart-${i}@mesa.test>`,
      inReplyTo: "<restart-root@mesa.test>",
      references: "<restart-root@mesa.test>",
      replyTo: "reply+restart@mesa.test",
    },
  })),
});
await database.close();
console.info(`[fill-outbox] ${count} mails queued in ${dataDir}`);
