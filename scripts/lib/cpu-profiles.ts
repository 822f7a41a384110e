/**
 * Reading the CPU profiles Node writes with `--cpu-prof` (one file per thread: the main thread
 * and every worker) to see how a build uses the cores over time: which threads are busy in
 * each stretch, and on what.
 */

/** The parts of a `.cpuprofile` file read here (Chrome DevTools' profile format). */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
    readonly children?: readonly number[];
  }[];
  /** Microseconds, on a clock all threads of a process share. */
  readonly startTime: number;
  readonly endTime: number;
  /** The node sampled, sample by sample. */
  readonly samples: readonly number[];
  /** Microseconds from the previous sample (the first: from `startTime`). */
  readonly timeDeltas: readonly number[];
}

/** One thread's profile, with a name to show it by. */
export interface ThreadProfile {
  readonly name: string;
  readonly profile: CpuProfile;
}

/** Per time bin, each thread's share of it spent running (not idle), from 0 to 1. */
export interface Timeline {
  readonly binMs: number;
  readonly threads: readonly string[];
  /** `busy[bin][thread]`. */
  readonly busy: readonly (readonly number[])[];
}

/** Frames that are not work: the thread waiting for something. */
const IDLE = new Set(["(idle)"]);

/**
 * How busy each thread was in each bin of `binMs`, bins counted from the earliest profile's start.
 * A sample stands for the time until the next one.
 *
 * @param threads The process's profiles.
 * @param binMs Length of a bin, in milliseconds.
 */
export function threadTimeline(threads: readonly ThreadProfile[], binMs: number): Timeline {
  const start = startOf(threads);
  const end = Math.max(...threads.map((t) => t.profile.endTime));
  const bin = binMs * 1000;
  const bins = Math.max(1, Math.ceil((end - start) / bin));
  const busy = Array.from({ length: bins }, () => threads.map(() => 0));
  threads.forEach(({ profile }, thread) => {
    forEachSample(profile, nodesById(profile), (node, from, to) => {
      if (IDLE.has(node.callFrame.functionName)) return;
      // Spread the sample over the bins it spans.
      for (let at = from; at < to; ) {
        const b = Math.floor((at - start) / bin);
        const binEnd = start + (b + 1) * bin;
        const until = Math.min(to, binEnd);
        busy[b]![thread]! += (until - at) / bin;
        at = until;
      }
    });
  });
  return { binMs, threads: threads.map((t) => t.name), busy };
}

/**
 * The functions a thread spent the most time in, itself or in what it called, between two
 * moments (milliseconds from the earliest profile's start, as in {@link threadTimeline}).
 *
 * @param threads The process's profiles (for the common start).
 * @param thread The thread's index in `threads`.
 * @param fromMs Start of the stretch.
 * @param toMs End of the stretch.
 * @param count How many functions to list.
 * @returns Function (name, file and line) and milliseconds, most first.
 */
export function busiestFunctions(threads: readonly ThreadProfile[], thread: number, fromMs: number, toMs: number, count: number): [string, number][] {
  const start = startOf(threads);
  const { profile } = threads[thread]!;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = nodesById(profile);
  const time = new Map<string, number>();
  const from = start + fromMs * 1000;
  const to = start + toMs * 1000;
  forEachSample(profile, byId, (node, sampleFrom, sampleTo) => {
    const spent = Math.min(to, sampleTo) - Math.max(from, sampleFrom);
    if (spent <= 0) return;
    // Each function on the stack once, however deep its recursion.
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === "(root)") break;
      const name = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      time.set(name, (time.get(name) ?? 0) + spent / 1000);
    }
  });
  return [...time].sort((a, b) => b[1] - a[1]).slice(0, count);
}

type ProfileNode = CpuProfile["nodes"][number];

/** When the earliest of the profiles starts: the zero of their common timeline. */
function startOf(threads: readonly ThreadProfile[]): number {
  return Math.min(...threads.map((t) => t.profile.startTime));
}

/** A profile's nodes by id. */
function nodesById(profile: CpuProfile): Map<number, ProfileNode> {
  return new Map(profile.nodes.map((node) => [node.id, node]));
}

/** Call `visit` with each sample's node and the microseconds it stands for. */
function forEachSample(profile: CpuProfile, byId: ReadonlyMap<number, ProfileNode>, visit: (node: ProfileNode, from: number, to: number) => void): void {
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const next = i + 1 < profile.samples.length ? at + (profile.timeDeltas[i + 1] ?? 0) : profile.endTime;
    visit(byId.get(profile.samples[i]!)!, at, Math.max(at, next));
  }
}

/** The last two parts of a script's address: enough to tell modules apart. */
function shortUrl(url: string): string {
  return url.split("/").slice(-2).join("/");
}
