import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeBytes } from "../src/read/decode.ts";
import { normalizeText } from "../src/parse/normalize.ts";
import { findDates } from "../src/parse/dates.ts";
import { quickDates } from "../src/parse/date-formats.ts";
import { parseSource } from "../src/parse/index.ts";
import { typeLine } from "../src/parse/blocks.ts";
import { makeSlug } from "../src/parse/slug.ts";

const file = (name: string, text: string, sidecar: string | null = null) => ({ name, bytes: new TextEncoder().encode(text), sidecar });

describe("decodeBytes", () => {
  it("should read UTF-8 with and without BOM, and UTF-16 with BOM", () => {
    assert.equal(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x68, 0xc3, 0xa9])).text, "hé");
    const utf16 = Buffer.from("\ufeffDaraa é", "utf16le");
    assert.equal(decodeBytes(utf16).text, "Daraa é");
  });
  it("should fall back to Windows-1252 for bytes that are not UTF-8", () => {
    const r = decodeBytes(Uint8Array.from([0x93, 0x51, 0x94, 0x20, 0xe9]));
    assert.equal(r.encoding, "windows-1252");
    assert.equal(r.text, "“Q” é");
  });
  it("should replace invalid UTF-8 and name the byte offset", () => {
    const r = decodeBytes(Uint8Array.from([0xc3, 0xa9, 0x41, 0xff, 0x42]));
    assert.equal(r.text, "éA\ufffdB");
    assert.match(r.warnings[0]!, /offset 3/);
  });
});

describe("normalizeText", () => {
  it("should repair UTF-8 read as Windows-1252, even twice", () => {
    assert.equal(normalizeText("Assadâ€™s").text, "Assad’s");
    assert.equal(normalizeText("Ã¢â‚¬â„¢").text, "’");
  });
  it("should replace unrepairable fragments with a marker and warn", () => {
    const r = normalizeText("told °®Â¾µº. Ìý");
    assert.equal(r.text, "told [unreadable]. [unreadable]");
    assert.equal(r.warnings.length, 1);
  });
  it("should keep real accented text and symbols", () => {
    assert.equal(normalizeText("naïve Zürich 50°C £5").text, "naïve Zürich 50°C £5");
  });
  it("should normalise line endings and non-breaking and zero-width spaces", () => {
    assert.equal(normalizeText("a\u00a0b\u200bc\r\nd").text, "a bc\nd");
  });
});

describe("findDates", () => {
  const cases: [string, string][] = [
    ["Fri, 03 Aug 2018 21:55 GMT", "2018-08-03T21:55:00Z"],
    ["By AFP - Aug 01,2018", "2018-08-01"],
    ["Date of publication 5 October 2016", "2016-10-05"],
    ["Published November 13 2017", "2017-11-13"],
    ["Wed Jun 1 2016", "2016-06-01"],
    ["28-08-2016", "2016-08-28"],
    ["08.04.2017(updated 1954 08.04.2017)", "2017-04-08"],
    ["Monday 21 November 2016", "2016-11-21"],
    ["Last updated at Jul 282016", "2016-07-28"],
  ];
  for (const [text, iso] of cases) {
    it(`should read "${text}"`, () => assert.equal(findDates(text)[0]?.iso, iso));
  }
  it("should never guess from a weekday, a month or an ambiguous numeric date", () => {
    assert.deepEqual(findDates("said on Tuesday, in March 2016, on 03/04/2017"), []);
  });
});

describe("quickDates", () => {
  const read = (text: string) => quickDates(text)?.map((d) => [d.iso, text.slice(d.index, d.end)]);
  const cases: [string, string, string][] = [
    ["Fri, 03 Aug 2018 21:55 GMT", "2018-08-03T21:55:00Z", "Fri, 03 Aug 2018 21:55 GMT"],
    ["By AFP - Aug 01,2018", "2018-08-01", "Aug 01,2018"],
    ["Date of publication 5 October 2016", "2016-10-05", "5 October 2016"],
    ["Published November 13 2017", "2017-11-13", "November 13 2017"],
    ["Wed Jun 1 2016 At least ten", "2016-06-01", "Wed Jun 1 2016"],
    ["28-08-2016 Syrian Army", "2016-08-28", "28-08-2016"],
    ["08.04.2017 Get short URL", "2017-04-08", "08.04.2017"],
    ["Monday 21 November 2016 Syrian Coalition", "2016-11-21", "Monday 21 November 2016"],
    ["Thursday 31 July 2014 10:59 Syrian", "2014-07-31", "Thursday 31 July 2014 10:59"],
    ["released on 2016-10-05 by", "2016-10-05", "2016-10-05"],
    ["killed on 22 May 2015.", "2015-05-22", "on 22 May 2015"],
    ["Tuesday, Nov. 19, 2019", "2019-11-19", "Tuesday, Nov. 19, 2019"],
  ];
  for (const [text, iso, matched] of cases) {
    it(`should read "${text}"`, () => assert.deepEqual(read(text), [[iso, matched]]));
  }
  it("should not take a count after a date for a clock hour", () => {
    assert.deepEqual(read("Sun 05 Jul 2015 22 dead in heavy raids"), [["2015-07-05", "Sun 05 Jul 2015"]]);
  });
  it("should reject impossible calendar dates", () => {
    assert.equal(quickDates("31 April 2016"), null);
  });
  it("should leave ranges, zones with offsets, AM/PM times and slashed dates to the general parser", () => {
    for (const text of ["5 and 6 October 2016", "5 October 2016 to 7 October 2016", "August 13 2016 2037 UTC+3", "Nov 18, 2019 at 4:07 PM", "10:59 AST 5 Oct 2016", "25/04/2017"]) {
      assert.equal(quickDates(text), null, text);
    }
  });
  it("should agree with findDates, which falls back to the general parser", () => {
    assert.deepEqual(findDates("from 5 October 2016 to 7 October 2016").map((d) => d.iso), ["2016-10-05"]);
    assert.equal(findDates("Nov 18, 2019 at 4:07 PM")[0]?.iso, "2019-11-18");
  });
});

describe("parseSource", () => {
  it("should let a sidecar correct any field", () => {
    const r = parseSource(file("a.txt", "A headline about Daraa\n\nBody text of the article goes here.", "title: Corrected\npublished: 2017-05-02\nauthors: [Jane Doe]\n"));
    assert.equal(r.title, "Corrected");
    assert.equal(r.published, "2017-05-02");
    assert.deepEqual(r.authors, ["Jane Doe"]);
  });
  it("should read Markdown with front matter", () => {
    const r = parseSource(file("b.md", "---\ntitle: From front matter\ndate: 2018-07-30\n---\n\nFirst *paragraph* {{ x }}.\n\n## Sub\n\n- item one\n"));
    assert.equal(r.title, "From front matter");
    assert.equal(r.published, "2018-07-30");
    assert.deepEqual(r.body.map((b) => b.type), ["paragraph", "heading", "list-item"]);
    assert.equal(r.body[0]!.text, "First paragraph {{ x }}.");
  });
  it("should number the items of a numbered list, in text and in Markdown", () => {
    assert.deepEqual(
      ["3) The ferry", "4. The tunnel", "- A bus", "2019. A year"].map((line) => typeLine(line, undefined, undefined)),
      [
        { type: "list-item", text: "The ferry", number: 3 },
        { type: "list-item", text: "The tunnel", number: 4 },
        { type: "list-item", text: "A bus" },
        { type: "paragraph", text: "2019. A year" },
      ],
    );
    const markdown = parseSource(file("e.md", "---\ntitle: Ways across\n---\n\n3. The ferry\n4. The tunnel\n\n- A bus\n"));
    assert.deepEqual(markdown.body, [
      { type: "list-item", text: "The ferry", number: 3 },
      { type: "list-item", text: "The tunnel", number: 4 },
      { type: "list-item", text: "A bus" },
    ]);
  });
  it("should name the file when front matter is broken", () => {
    assert.throws(() => parseSource(file("c.md", "---\ntitle: [unclosed\n---\nx")), /c\.md: invalid front matter/);
  });
});

describe("makeSlug", () => {
  it("should make readable ASCII slugs of at most 80 characters", () => {
    assert.equal(makeSlug("Daesh cornered in pocket of southern Syria"), "daesh-cornered-in-pocket-of-southern-syria");
    const long = makeSlug("word ".repeat(60));
    assert.ok(long.length <= 80 && !long.endsWith("-"));
  });
  it("should give text without Latin letters a stable slug", () => {
    assert.match(makeSlug("😀😀", "file.txt"), /^[a-z0-9-]+$/);
    assert.equal(makeSlug("😀😀", "file.txt"), makeSlug("😀😀", "file.txt"));
  });
});
