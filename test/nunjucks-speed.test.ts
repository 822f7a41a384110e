/**
 * The quicker `Frame.prototype.set` and `escape` render every template as Nunjucks' own do, and
 * are installed over the Nunjucks this package installs.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { quickenEscape, quickenFrameSet, type NunjucksLib, type NunjucksRuntime } from "../src/render/nunjucks-speed.ts";

interface Nunjucks {
  readonly runtime: NunjucksRuntime;
  readonly lib: NunjucksLib;
  Environment: new (loader: null, options: object) => { renderString(source: string, context: object): string };
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as Nunjucks;
/** The shipped functions, taken before anything is installed. */
const shippedSet = nunjucks.runtime.Frame.prototype.set;
const shippedEscape = nunjucks.lib.escape;

/** Templates that set variables every way Nunjucks does: loops and their `loop` names, nested loops, `set` in and out of blocks, macros, captures. */
const TEMPLATES = [
  `{% for t in topics %}{{ loop.index }}/{{ loop.length }} {{ loop.index0 }} {{ loop.revindex }} {{ loop.revindex0 }} {{ loop.first }} {{ loop.last }} {{ t.name }}|{% endfor %}`,
  `{% for y in years %}[{% for m in y.months %}{{ loop.index }}:{{ m }}{% if loop.last %}.{% endif %}{% endfor %} of {{ loop.index }}]{% endfor %}`,
  `{% set total = 0 %}{% for t in topics %}{% set total = total + t.count %}{% endfor %}{{ total }}`,
  `{% set label = "outer" %}{% if topics.length %}{% set label = "inner" %}{% endif %}{{ label }}`,
  `{% macro link(t, cls) %}{% set shown = t.name | upper %}<a class="{{ cls }}">{{ shown }}</a>{% endmacro %}{% for t in topics %}{{ link(t, "topic") }}{% endfor %}{{ shown }}`,
  `{% set crumbs = [{label: "Home"}].concat(topics) %}{% for c in crumbs %}{{ c.label or c.name }}{% if not loop.last %} › {% endif %}{% endfor %}`,
  `{% set block %}{% for k, v in counts %}{{ k }}={{ v }};{% endfor %}{% endset %}{{ block | trim }}`,
  `{% for a, b in pairs %}{{ a }}{{ b }}{{ loop.index }}{% else %}none{% endfor %}`,
  `<a href="{{ url }}" title="{{ title }}">{{ title }}</a>{{ title | escape }}{{ title | safe }}{{ count }}{{ missing }}{{ none }}`,
];
const CONTEXT = {
  topics: [
    { name: "Daraa", count: 3 },
    { name: "Quneitra <border>", count: 2 },
    { name: "Islamic State", count: 5 },
  ],
  years: [{ months: ["Jan", "Feb"] }, { months: ["Mar"] }],
  counts: { a: 1, b: 2 },
  pairs: [],
  url: "/search/?q=Daraa&page=2",
  title: `Al-Qaeda's "branch" <in> Daraa \\ Dar'a – ضرعا`,
  count: 42,
  none: null,
};

function renderAll(): string[] {
  const env = new nunjucks.Environment(null, { autoescape: true });
  return TEMPLATES.map((source) => env.renderString(source, CONTEXT));
}

test("with the quicker frame set and escape, every template renders as with Nunjucks' own", () => {
  const before = renderAll();
  assert.equal(quickenFrameSet(nunjucks.runtime), true, "the installed Nunjucks' Frame.prototype.set is not the one the quicker set copies: review src/render/nunjucks-speed.ts against it");
  assert.notEqual(nunjucks.runtime.Frame.prototype.set, shippedSet);
  assert.equal(quickenEscape(nunjucks.lib), true);
  // Twice: the second time with every name's parts kept from the first.
  assert.deepEqual(renderAll(), before);
  assert.deepEqual(renderAll(), before);
  assert.equal(before[0], "1/3 0 3 2 true false Daraa|2/3 1 2 1 false false Quneitra &lt;border&gt;|3/3 2 1 0 false true Islamic State|");
  assert.equal(quickenFrameSet(nunjucks.runtime), true, "installing it again keeps it");
});

test("the quicker escape gives what Nunjucks' own gives, for every character and for mixed values", () => {
  const shipped = shippedEscape;
  assert.equal(quickenEscape(nunjucks.lib), true, "the installed Nunjucks' lib.escape is not the one the quicker escape is written against: review src/render/nunjucks-speed.ts against it");
  const quick = nunjucks.lib.escape;
  assert.notEqual(quick, shipped);
  const values = ["", "Daraa", "/topics/daraa/", `<script>alert("x")</script>`, "Tom & Jerry's \\ path", "ضرعا – 4 March 2017", "\ud83d\ude00 <b>"];
  for (let code = 0; code <= 0xffff; code += 1) values.push(String.fromCharCode(code), `a${String.fromCharCode(code)}b`);
  for (const value of values) assert.equal(quick(value), shipped(value), JSON.stringify(value));
  assert.equal(quick(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
  assert.equal(quickenEscape(nunjucks.lib), true, "installing it again keeps it");
  assert.equal(nunjucks.lib.escape, quick);
});

test("a frame set or an escape written otherwise is left as it is", () => {
  const other = { Frame: { prototype: { set(this: unknown) {} } } } as unknown as NunjucksRuntime;
  const own = other.Frame.prototype.set;
  assert.equal(quickenFrameSet(other), false);
  assert.equal(other.Frame.prototype.set, own);
  const lib = { escape: (value: string) => value.replace(/</g, "&lt;") };
  const escape = lib.escape;
  assert.equal(quickenEscape(lib), false);
  assert.equal(lib.escape, escape);
});
