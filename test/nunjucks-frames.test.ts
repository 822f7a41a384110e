/**
 * The quicker `Frame.prototype.set` renders every template as Nunjucks' own does, and is
 * installed over the Nunjucks this package installs.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";
import { quickenFrameSet, type NunjucksRuntime } from "../src/render/nunjucks-frames.ts";

interface Nunjucks {
  readonly runtime: NunjucksRuntime;
  Environment: new (loader: null, options: object) => { renderString(source: string, context: object): string };
}
const nunjucks = createRequire(import.meta.url)("nunjucks") as Nunjucks;

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
};

function renderAll(): string[] {
  const env = new nunjucks.Environment(null, { autoescape: true });
  return TEMPLATES.map((source) => env.renderString(source, CONTEXT));
}

test("the quicker frame set renders every template as Nunjucks' own set does", () => {
  const shipped = nunjucks.runtime.Frame.prototype.set;
  const before = renderAll();
  assert.equal(quickenFrameSet(nunjucks.runtime), true, "the installed Nunjucks' Frame.prototype.set is not the one the quicker set copies: review src/render/nunjucks-frames.ts against it");
  assert.notEqual(nunjucks.runtime.Frame.prototype.set, shipped);
  // Twice: the second time with every name's parts kept from the first.
  assert.deepEqual(renderAll(), before);
  assert.deepEqual(renderAll(), before);
  assert.equal(before[0], "1/3 0 3 2 true false Daraa|2/3 1 2 1 false false Quneitra &lt;border&gt;|3/3 2 1 0 false true Islamic State|");
  assert.equal(quickenFrameSet(nunjucks.runtime), true, "installing it again keeps it");
});

test("a frame set written otherwise is left as it is", () => {
  const other = { Frame: { prototype: { set(this: unknown) {} } } } as unknown as NunjucksRuntime;
  const own = other.Frame.prototype.set;
  assert.equal(quickenFrameSet(other), false);
  assert.equal(other.Frame.prototype.set, own);
});
