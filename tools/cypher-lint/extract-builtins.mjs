// Writes neo4j-builtins.json: Neo4j's built-in functions and procedures, taken once from the
// registry the language-support package ships in its test data (a registry of a real server).
// APOC and GDS are left out: our deployment has neither, so using them must fail the lint.
// Run again only when the package version changes: node extract-builtins.mjs
import { writeFileSync } from "node:fs";
import { testData } from "./node_modules/@neo4j-cypher/language-support/dist/esm/project/language-support/src/tests/testData.js";

const { mockSchema } = testData;

const builtIn = (registry) =>
  Object.fromEntries(
    Object.entries(registry).map(([version, entries]) => [
      version,
      Object.fromEntries(
        Object.entries(entries).filter(([name]) => !/^(apoc|gds)\./.test(name)),
      ),
    ]),
  );

const out = { functions: builtIn(mockSchema.functions), procedures: builtIn(mockSchema.procedures) };
writeFileSync(new URL("./neo4j-builtins.json", import.meta.url), JSON.stringify(out, null, 1) + "\n");
for (const [kind, registry] of Object.entries(out)) {
  for (const [version, entries] of Object.entries(registry)) {
    console.log(`${kind} ${version}: ${Object.keys(entries).length}`);
  }
}
