import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { busiestFunctions, threadTimeline, type CpuProfile } from "../scripts/lib/cpu-profiles.ts";

/** A profile whose samples are the given stacks, one every `step` µs from `start` on. */
function profile(start: number, step: number, stacks: readonly (readonly string[])[]): CpuProfile {
  const nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children: number[] }[] = [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [] },
  ];
  const samples: number[] = [];
  for (const stack of stacks) {
    let parent = nodes[0]!;
    for (const name of stack) {
      let child = parent.children.map((id) => nodes[id - 1]!).find((n) => n.callFrame.functionName === name);
      if (!child) {
        child = { id: nodes.length + 1, callFrame: { functionName: name, url: "file:///app/lib/stage.js", lineNumber: 9 }, children: [] };
        nodes.push(child);
        parent.children.push(child.id);
      }
      parent = child;
    }
    samples.push(parent.id);
  }
  return { nodes, startTime: start, endTime: start + step * stacks.length, samples, timeDeltas: stacks.map((_, i) => (i === 0 ? 0 : step)) };
}

describe("CPU profile timeline", () => {
  it("should give each thread's busy share per bin, idle samples left out, from the earliest start", () => {
    // A sample stands for the time until the next one: main is busy from 0 to 3 ms, idle until 5.
    const main = profile(0, 1000, [["build"], ["build"], ["build"], ["(idle)"], ["(idle)"]]);
    // The worker is busy from 2 to 5 ms.
    const worker = profile(2000, 1000, [["render"], ["render"], ["render"]]);
    const timeline = threadTimeline(
      [
        { name: "main", profile: main },
        { name: "t1", profile: worker },
      ],
      2,
    );
    assert.deepEqual(timeline.threads, ["main", "t1"]);
    assert.equal(timeline.busy.length, 3);
    const rounded = timeline.busy.map((row) => row.map((share) => Math.round(share * 100) / 100));
    assert.deepEqual(rounded, [
      [1, 0],
      [0.5, 1],
      [0, 0.5],
    ]);
  });

  it("should split a sample spanning bins between them", () => {
    const main = profile(0, 3000, [["parse"], ["(idle)"]]);
    const timeline = threadTimeline([{ name: "main", profile: main }], 1);
    const first = timeline.busy.slice(0, 4).map((row) => Math.round(row[0]! * 100) / 100);
    assert.deepEqual(first, [1, 1, 1, 0]);
  });

  it("should list the functions a thread spent a stretch in, each counted once per sample however deep it recurses", () => {
    const main = profile(0, 1000, [
      ["build", "link", "link"],
      ["build", "link"],
      ["build", "render"],
      ["build", "render"],
      ["build", "render"],
    ]);
    const threads = [{ name: "main", profile: main }];
    const all = new Map(busiestFunctions(threads, 0, 0, 10, 10).map(([name, ms]) => [name.split(" ")[0], Math.round(ms)]));
    assert.deepEqual(Object.fromEntries(all), { build: 5, render: 3, link: 2 });
    // From 1.5 to 3.5 ms: half of the second sample (link), all of the third (render) and half of the fourth.
    const stretch = new Map(busiestFunctions(threads, 0, 1.5, 3.5, 10).map(([name, ms]) => [name.split(" ")[0], ms]));
    assert.equal(stretch.get("link"), 0.5);
    assert.equal(stretch.get("render"), 1.5);
    assert.equal(stretch.get("build"), 2);
    assert.match(busiestFunctions(threads, 0, 0, 10, 1)[0]![0], /^build lib\/stage\.js:10$/);
  });
});
