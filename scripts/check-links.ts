/**
 * Check every internal link of a built site folder and print the figures.
 *
 *   node --import tsx scripts/check-links.ts DIST BASE_URL
 *
 * Exits with status 1 when a link is broken.
 */
import { checkLinks } from "../test/helpers/check-links.js";

const [dir, baseUrl = "http://localhost:8080/"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: check-links.ts DIST [BASE_URL]");
  process.exit(2);
}
const report = await checkLinks(dir, baseUrl);
for (const b of report.broken) console.log(`${b.page}: ${b.href} (${b.reason})`);
console.log(`${report.files} files, ${report.links} internal links, ${report.broken.length} broken`);
process.exitCode = report.broken.length ? 1 : 0;
