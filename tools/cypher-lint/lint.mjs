// Lints Cypher statements with Neo4j's own parser and semantic analysis.
// Input (a JSON file named on the command line):
//   {"schema": {labels, relationshipTypes, propertyKeys, graphSchema},
//    "statements": [{"id": "...", "text": "...", "parameters": {"name": value, ...}}]}
// Output (stdout, JSON): [{"id", "diagnostics": [{severity, message, line, column}]}]
// Lines and columns are 1-based. Severity 1 is an error, 2 a warning.
import { readFileSync } from "node:fs";
import { lintCypherQuery } from "@neo4j-cypher/language-support";

const builtins = JSON.parse(readFileSync(new URL("./neo4j-builtins.json", import.meta.url), "utf8"));
const input = JSON.parse(readFileSync(process.argv[2], "utf8"));

const results = input.statements.map((statement) => {
  const dbSchema = {
    ...input.schema,
    functions: builtins.functions,
    procedures: builtins.procedures,
    parameters: statement.parameters,
  };
  const { diagnostics } = lintCypherQuery(statement.text, dbSchema, { consoleCommandsEnabled: false });
  return {
    id: statement.id,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
