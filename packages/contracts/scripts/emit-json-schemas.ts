import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type PayloadName, payloadSchemas, toPayloadJsonSchema } from "../src/json-schema.js";

// Runs after tsup in `build`: one JSON Schema per payload, published as @optiinfra/contracts/json-schema/<name>.json.

const outputDirectory = fileURLToPath(new URL("../dist/json-schema/", import.meta.url));
await mkdir(outputDirectory, { recursive: true });
for (const name of Object.keys(payloadSchemas) as PayloadName[]) {
  await writeFile(
    `${outputDirectory}${name}.json`,
    `${JSON.stringify(toPayloadJsonSchema(name), null, 2)}\n`,
  );
}
console.log(`wrote ${Object.keys(payloadSchemas).length} JSON Schemas to dist/json-schema/`);
