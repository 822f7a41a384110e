/**
 * Property-test settings and shared generators. Run counts scale with the `PROPERTY_RUNS`
 * environment variable (a multiplier, default 1); `PROPERTY_SEED` replays a reported failure.
 */
import fc from "fast-check";

/** Multiplier applied to every property's run count. */
export const SCALE = readNumber("PROPERTY_RUNS", 1);
const SEED = process.env["PROPERTY_SEED"];

/** Cases run so far, per property name (the file asserts its total). */
export const casesRun = new Map<string, number>();

/**
 * A run count at the current scale.
 *
 * @param base Run count at scale 1.
 */
export function scaled(base: number): number {
  return Math.max(1, Math.round(base * SCALE));
}

function parameters<T>(numRuns: number): fc.Parameters<T> {
  return { numRuns, ...(SEED ? { seed: Number(SEED) } : {}) };
}

/**
 * Check a property `base × SCALE` times; count the cases run under `name`.
 *
 * @param name Name the count is kept under.
 * @param base Run count at scale 1.
 * @param property The property.
 * @throws Error with fast-check's report (seed, counterexample) when the property fails.
 */
export function check<T>(name: string, base: number, property: fc.IProperty<T>): void {
  const details = fc.check(property, parameters<T>(scaled(base)));
  if (details.failed) throw new Error(fc.defaultReportMessage(details));
  casesRun.set(name, (casesRun.get(name) ?? 0) + details.numRuns);
}

/**
 * Check an async property exactly `runs` times (scale it with {@link scaled}); count the cases run.
 *
 * @param name Name the count is kept under.
 * @param runs Run count.
 * @param property The async property.
 * @throws Error with fast-check's report when the property fails.
 */
export async function checkAsync<T>(name: string, runs: number, property: fc.IAsyncProperty<T>): Promise<void> {
  const details = await fc.check(property, parameters<T>(runs));
  if (details.failed) throw new Error(await fc.asyncDefaultReportMessage(details));
  casesRun.set(name, (casesRun.get(name) ?? 0) + details.numRuns);
}

function readNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Pieces scraped pages are made of, and pieces that break naive parsers. */
export const NASTY_LINES = [
  "By John Smith and Jane Doe",
  "By Reuters",
  "Published November 13 2017",
  "Date of publication 5 October 2016",
  "Last updated at Wednesday 21 November 2018 10:59 GMT+3",
  "Fri, 03 Aug 2018 21:55 GMT",
  "Jul 282016",
  "08.04.2017Get short URL",
  "31/02/2016",
  "Monday 31 February 2016",
  "{{ title }}",
  "{% raw %}{{ 7*7 }}{% endraw %}",
  "{# comment #}",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "Ã©tÃ© â€™quoteâ€™ Ã",
  "Â©Â®Ã‰",
  "\ufffd\ufffd broken \ufffd",
  "\ufeffBOM line",
  "zero\u200bwidth\u00adsoft",
  "BEIRUT — Syrian forces said on Tuesday that the border crossing was open again to traffic.",
  "• Home",
  "| Menu | News | Sport |",
  "> ",
  ">",
  "- ",
  "1)",
  "* * *",
  "Related articles",
  "Comments",
  "Share this article",
  "Photo: AFP",
  "Middle East",
  "---",
  "title: x",
  "# Heading",
  "[unreadable]",
  "CON",
  "../../etc/passwd",
  "دمشق — قالت مصادر إن القوات دخلت المدينة",
  "\u202eevil\u202c right-to-left",
  "🇸🇾 🙂 Z̶̢a̵l̷g̸o̴",
  "\u0000\u0001\u0007\u001b[31m",
];

/** One line of text: realistic pieces, control characters, any Unicode, or very long runs. */
export const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_LINES) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) },
  { weight: 2, arbitrary: fc.lorem({ maxCount: 40, mode: "sentences" }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\t", "\r", "\n", "\u0000", "\u00a0", "\u2028", "\ud800", "\udc00", " "), maxLength: 10 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("word ", "ab", "Ã©", "{{", "<p>", "-", "•"), fc.integer({ min: 500, max: 6000 })).map(([s, n]) => s.repeat(n)) },
);

/** A whole scraped page: lines joined by any kind of line break. */
export const pageText: fc.Arbitrary<string> = fc
  .array(fc.tuple(line, fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\n \n")), { maxLength: 40 })
  .map((parts) => parts.map(([text, end]) => text + end).join(""));
