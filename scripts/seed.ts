// `npm run seed`: loads the demo data into the configured database (idempotent). On the embedded
// database the server must be stopped first: only one process may open DATA_DIR.
import { loadStartupConfig } from "../server/boot/config";
import { openConfiguredDatabase } from "../server/boot/database";
import { seedDemo } from "../server/seed/demo";

const env = await loadStartupConfig();
try {
  const database = await openConfiguredDatabase(env);
  await seedDemo(database.db);
  await database.close();
  console.info(
    `Demo data is in place (${database.kind}). Accounts: partner@demo.test, orgadmin@demo.test, partner2@demo.test, agent@demo.test, admin@demo.test — password demo1234`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
