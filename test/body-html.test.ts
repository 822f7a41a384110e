/** Rendering body blocks to HTML: lists keep their numbering, and text is never markup. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { renderBody } from "../src/render/body-html.js";

describe("renderBody", () => {
  it("should render numbered items as ordered lists that start at their number", () => {
    const html = renderBody([
      { type: "list-item", text: "The bridge", number: 1 },
      { type: "list-item", text: "The ring road", number: 2 },
      { type: "paragraph", text: "http://example.org/ring-road" },
      { type: "list-item", text: "The ferry", number: 3 },
      { type: "list-item", text: "The tunnel", number: 7 },
      { type: "list-item", text: "A bus" },
      { type: "list-item", text: "A boat" },
    ]);
    assert.equal(
      html.replace(/\n/g, ""),
      '<ol><li>The bridge</li><li>The ring road</li></ol><p>http://example.org/ring-road</p><ol start="3"><li>The ferry</li></ol><ol start="7"><li>The tunnel</li></ol><ul><li>A bus</li><li>A boat</li></ul>',
    );
  });

  it("should set text as text, never as markup", () => {
    const html = renderBody([{ type: "list-item", text: "<b>1</b> *two* {{ three }}", number: 2 }]);
    assert.equal(html.replace(/\n/g, ""), '<ol start="2"><li>&#x3C;b>1&#x3C;/b> *two* {{ three }}</li></ol>');
  });
});
