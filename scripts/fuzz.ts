/**
 * Run the property and query-fuzz tests with more cases than `npm test` does.
 *
 * Usage: `npm run test:properties -- [--scale N] [--seed S]`
 *   --scale N  multiply every property's run count by N (default 10: about 200,000 property
 *              cases and 100,000 queries)
 *   --seed S   replay the seed fast-check printed for a failure
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { scale: { type: "string", default: "10" }, seed: { type: "string" } } });
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) {
  console.error(`--scale must be a positive number, got "${values.scale}"`);
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, PROPERTY_RUNS: String(scale), ...(values.seed ? { PROPERTY_SEED: values.seed } : {}) };
const files = ["test/properties.test.ts", "test/query-fuzz.test.ts"];
console.log(`property tests at ${scale}× the cases of npm test${values.seed ? `, seed ${values.seed}` : ""}`);
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...files], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
