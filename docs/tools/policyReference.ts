// Writes the policy reference (docs/policy-reference.md) from the portfolio policy's JSON Schema, so the
// reference lists exactly what the parser accepts: `npm run docs:policy`. test/docs checks it is up to date.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as z from "zod/mini";
import { portfolioPolicySchema } from "../../src/index.js";

interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

const LARGEST = Number.MAX_SAFE_INTEGER;

// The type of one value in words: its JSON type, constant, allowed values, range or pattern.
function describeType(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum !== undefined)
    return schema.enum.map((value) => `\`${JSON.stringify(value)}\``).join(" \\| ");
  const parts: string[] = [schema.type === "integer" ? "whole number" : (schema.type ?? "any")];
  const low =
    schema.minimum !== undefined
      ? `≥ ${schema.minimum}`
      : schema.exclusiveMinimum !== undefined
        ? `> ${schema.exclusiveMinimum}`
        : "";
  const high =
    schema.maximum !== undefined && schema.maximum !== LARGEST
      ? `≤ ${schema.maximum}`
      : schema.exclusiveMaximum !== undefined
        ? `< ${schema.exclusiveMaximum}`
        : "";
  const range = [low, high].filter((text) => text !== "").join(", ");
  if (range !== "") parts.push(range);
  if (schema.pattern !== undefined) parts.push(`matching \`${schema.pattern.replaceAll("|", "\\|")}\``);
  if (schema.minLength !== undefined && schema.minLength > 0) parts.push("not empty");
  if (schema.minItems !== undefined && schema.minItems > 0) parts.push(`at least ${schema.minItems}`);
  if (schema.type === "object" && typeof schema.additionalProperties === "object")
    parts.push(`of ${describeType(schema.additionalProperties)}`);
  return parts.join(", ");
}

// One table row per field, depth first; array items get `[]`, alternatives `(one of)`.
function rows(schema: JsonSchema, path: string, required: boolean, out: string[]): void {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined) {
    out.push(
      `| \`${path}\` | one of: ${alternatives.map(describeType).join("; or ")} | ${required ? "yes" : ""} |`,
    );
    alternatives.forEach((alternative) => {
      children(alternative, path, out);
    });
    return;
  }
  out.push(`| \`${path}\` | ${describeType(schema)} | ${required ? "yes" : ""} |`);
  children(schema, path, out);
}

function children(schema: JsonSchema, path: string, out: string[]): void {
  if (schema.properties !== undefined) {
    const needed = new Set(schema.required ?? []);
    for (const [name, child] of Object.entries(schema.properties))
      rows(child, `${path}.${name}`, needed.has(name), out);
  }
  if (schema.items !== undefined) children(schema.items, `${path}[]`, out);
}

/** The policy reference in Markdown: every field the portfolio policy accepts, with its type and whether it is required. */
export function policyReference(): string {
  const schema = z.toJSONSchema(portfolioPolicySchema()) as JsonSchema;
  const out: string[] = [];
  const needed = new Set(schema.required ?? []);
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    rows(child, name, needed.has(name), out);
  return `# Portfolio policy reference

Generated from the policy's JSON Schema (\`portfolioPolicySchema()\`; \`keyaccount policy --schema --kind portfolio\`
prints it) by \`npm run docs:policy\`; a test fails when this page and the schema disagree. What each field means is
in the API docs of \`PortfolioPolicy\` and of the parts' types (\`TierPolicy\`, \`SignalPolicy\`, \`CostModel\`,
\`SegmentMapDefinition\`), and in the guides: [tiers](tier.md), [signals](signals.md), [profit](profit.md),
[RFM](rfm.md), [CLV](clv.md), [getting started](getting-started.md). Unknown keys are errors everywhere,
\`__proto__\` and \`constructor\` included. A path ending in \`[]\` is each item of a list.

| Field | Type | Required |
|---|---|---|
${out.join("\n")}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("../policy-reference.md", import.meta.url), policyReference());
}
