/** Edge cases found by the property tests, kept as plain examples. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractRecord } from "../src/parse/batch.ts";
import { normalizeText } from "../src/parse/normalize.ts";

const STORY = "Council reopens the old bridge\nThe council reopened the old bridge on Tuesday after two years of repairs, officials said.\n";

function parse(name: string, text: string, sidecar: string | null = null) {
  return extractRecord({ name, bytes: new TextEncoder().encode(text), sidecar });
}

describe("dates stated in a sidecar or front matter", () => {
  for (const value of ["2016-02-31", '"2016-02-31"', "2016-13-01", "2016-00-10", "2016-06-01T25:99:00Z"]) {
    it(`should refuse the impossible date ${value} with a warning, not roll it over`, () => {
      const record = parse("story.txt", STORY, `published: ${value}`);
      assert.equal(record.published, null);
      assert.ok(record.warnings.includes('sidecar: "published" is not a date (YYYY-MM-DD)'), record.warnings.join("; "));
      const md = parse("story.md", `---\nupdated: ${value}\n---\n# Council reopens the old bridge\n\nText.\n`);
      assert.equal(md.updated, null);
      assert.ok(md.warnings.includes('front matter: "updated" is not a date (YYYY-MM-DD)'), md.warnings.join("; "));
    });
  }

  it("should keep a real date as written, quoted or not", () => {
    assert.equal(parse("story.txt", STORY, "published: 2016-02-29").published, "2016-02-29");
    assert.equal(parse("story.txt", STORY, 'published: "2016-02-29"').published, "2016-02-29");
    assert.equal(parse("story.txt", STORY, "published: 2016-06-01T10:30:00Z").published, "2016-06-01T10:30:00Z");
  });
});

describe("control characters", () => {
  it("should remove them from the text, with a warning", () => {
    const { text, warnings } = normalizeText("Bell\u0007 and\u0000 escape\u001b[31m\vend\u007f\n");
    assert.equal(text, "Bell and escape[31m end\n");
    assert.deepEqual(warnings, ["removed 4 control characters"]);
  });

  it("should keep them out of a Markdown title (no U+FFFD where a NUL was) and out of a text headline", () => {
    assert.equal(parse("story.md", "# Bridge\u0000 reopens\n\nText.\n").title, "Bridge reopens");
    assert.equal(parse("story.txt", STORY.replace("old", "old\u0007")).title, "Council reopens the old bridge");
  });
});
