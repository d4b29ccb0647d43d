process.env.TEST_DB_BACKEND = "postgresql";
process.env.TEST_DATABASE_URL = "postgresql://mesa:mesa@127.0.0.1:5432/mesa_test";
const { createTestDatabase } = await import("./tests/support/test-db");
const d = await createTestDatabase();
await d.close();
