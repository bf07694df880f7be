// The interpreter's thread: runs a script under each chosen model (the page never freezes; Stop terminates this
// worker). For each model: the output, the stats and a timeline built from the run's memory events; then the
// compare report, for the differences.
import { createRuntime } from '../../wasm/index.js';

const EVENT_LIMIT = 3000000;     // events kept per run for the timeline
const MAX_POINTS = 1500;         // points per timeline

const FIELD = (name) => new RegExp(`"${name}": (-?\\d+)`);
const CLOCK = FIELD('clock'), LINE = FIELD('line'), SIZE = FIELD('size'), GENERATION = FIELD('generation');
const TYPE = /"type": "([^"]*)"/;

/** Live objects and bytes over the logical clock, with collections and finalizers marked, from the JSON lines of
    the run's events (scanned, not parsed: a run can have millions). */
function timeline(text) {
  let live = 0;
  let bytes = 0;
  const raw = [];
  const collections = [];
  const finalizers = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const kind = line.slice(10, line.indexOf('"', 10));
    if (kind === 'alloc') {
      live += 1;
      bytes += Number(SIZE.exec(line)[1]);
    } else if (kind === 'free') {
      live -= 1;
      bytes -= Number(SIZE.exec(line)[1]);
    } else if (kind === 'gc_start') {
      collections.push({ clock: Number(CLOCK.exec(line)[1]), line: Number(LINE.exec(line)[1]), generation: Number(GENERATION.exec(line)[1]) });
    } else if (kind === 'finalize_start') {
      finalizers.push({ clock: Number(CLOCK.exec(line)[1]), line: Number(LINE.exec(line)[1]), type: TYPE.exec(line)?.[1] });
    } else {
      continue;
    }
    raw.push([Number(CLOCK.exec(line)[1]), live, bytes, Number(LINE.exec(line)[1])]);
  }
  // keep at most MAX_POINTS, each the last state of its bucket
  const step = Math.max(1, Math.ceil(raw.length / MAX_POINTS));
  const points = raw.filter((_, i) => i % step === step - 1 || i === raw.length - 1);
  return {
    clock: points.map((p) => p[0]),
    live: points.map((p) => p[1]),
    bytes: points.map((p) => p[2]),
    line: points.map((p) => p[3]),
    collections: collections.slice(0, 5000),
    finalizers: finalizers.slice(0, 5000),
    collectionCount: collections.length,
    finalizerCount: finalizers.length,
    truncated: false,
  };
}

/* A script's memory is bounded (MemoryError beyond), as its steps are: the tab stays responsive. */
const MEMORY_LIMIT = 256 * 1024 * 1024;

self.onmessage = async ({ data }) => {
  if (data.type !== 'run') return;
  try {
    const runs = [];
    for (const model of data.models) {
      const modelRuntime = await createRuntime({ model, stepLimit: data.stepLimit, memoryLimit: MEMORY_LIMIT });
      const result = modelRuntime.run(data.code, { filename: '/playground/main.py', cwd: '/playground', events: ['alloc', 'free', 'finalize', 'gc'], eventLimit: EVENT_LIMIT,
        eventsAsText: true, heap: true });
      const t = timeline(result.events ?? '');
      t.truncated = result.eventsDropped > 0;
      runs.push({ model, stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, error: result.error, stats: result.stats, timeline: t,
        heap: result.heap });
      modelRuntime.dispose();
      self.postMessage({ type: 'progress', id: data.id, done: runs.length, total: data.models.length, model });
    }
    let report = null;
    if (data.models.length > 1) {
      const runtime = await createRuntime({ stepLimit: data.stepLimit, memoryLimit: MEMORY_LIMIT });
      report = runtime.compare(data.code, data.models, { filename: 'main.py' });
      runtime.dispose();
    }
    self.postMessage({ type: 'result', id: data.id, runs, report });
  } catch (error) {
    self.postMessage({ type: 'error', id: data.id, message: String(error?.message ?? error) });
  }
};
