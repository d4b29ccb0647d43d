// `npm run api:types`: writes tests/contract/mesa-api.ts, the TypeScript paths of /api/openapi.json
// (openapi-typescript), which the contract test's openapi-fetch client is typed with. The contract
// test regenerates it and fails when the committed file is stale.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { generatedApiTypes } from "../tests/contract/generate-types";

const target = path.resolve(import.meta.dirname, "../tests/contract/mesa-api.ts");
await writeFile(target, await generatedApiTypes());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
