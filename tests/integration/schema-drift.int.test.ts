// schema.prisma and prisma/migrations must describe the same database: a model changed without
// `npm run migration:new` would work in no environment that starts from the migrations.
import { describe, expect, it } from "vitest";
import { pendingSchemaSql } from "../../scripts/schema-diff";

describe("schema drift", () => {
  it("the migrations produce exactly what schema.prisma describes", async () => {
    expect(await pendingSchemaSql()).toBe("");
  }, 60_000);
});
