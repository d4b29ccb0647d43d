// Writes the reports' known dataset (tests/support/reports-dataset.ts) into the PostgreSQL database
// of DATABASE_URL, for the partner of the demo data, and prints the dataset's ids as JSON:
// `node --import tsx tests/e2e/support/reports-dataset-setup.ts <suffix>`.
import { openDatabase } from "../../../server/db/open";
import { DEMO_PASSWORD } from "../../../server/seed/demo";
import { buildReportsDataset } from "../../support/reports-dataset";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("reports-dataset-setup: DATABASE_URL is required");
const database = await openDatabase({ url });
try {
  const partner = await database.db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
  const dataset = await buildReportsDataset(database.db, {
    requesterId: partner.id,
    password: DEMO_PASSWORD,
    suffix: process.argv[2] ?? "e2e",
  });
  process.stdout.write(JSON.stringify(dataset));
} finally {
  await database.close();
}
