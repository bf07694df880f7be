// The differences between models, in plain words, from the compare report (refscope --compare-json) and each
// model's run. Every entry that points at a line can be clicked to show the line in the editor.
const SHOWN_PER_MODEL = 6;

function plural(n, word) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** [{model, text, line?}] in reading order. */
export function describeDifferences(runs, report) {
  const base = runs.find((r) => r.model === 'cpython') ?? runs[0];
  const items = [];
  for (const run of runs) {
    if (run === base) continue;
    const m = run.model;
    if (run.stdout !== base.stdout) {
      const a = base.stdout.split('\n'), b = run.stdout.split('\n');
      const first = a.findIndex((line, i) => line !== b[i]);
      items.push({ model: m, text: `The output differs under ${m} from line ${first + 1} of the output on: "${(b[first] ?? '').slice(0, 80)}" instead of "${(a[first] ?? '').slice(0, 80)}".` });
    }
    if (run.exitCode !== base.exitCode) {
      items.push({ model: m, text: `The program ends with exit status ${run.exitCode} under ${m}, ${base.exitCode} under ${base.model}${run.error ? ` (${run.error})` : ''}.` });
    }
    const files = run.stats.files, baseFiles = base.stats.files;
    if (/Too many open files/.test(run.stdout + run.stderr) && !/Too many open files/.test(base.stdout + base.stderr)) {
      items.push({ model: m, text: `The open-file limit ran dry under ${m} (OSError 24, "Too many open files"): files dropped without close() stay open until a collection finds them. Under ${base.model} at most ${baseFiles.peak_open} were open at once.` });
    } else if (files.peak_open !== baseFiles.peak_open) {
      items.push({ model: m, text: `At most ${plural(files.peak_open, 'file')} were open at once under ${m}, ${baseFiles.peak_open} under ${base.model}.` });
    }
    if (files.open !== baseFiles.open) {
      items.push({ model: m, text: `${plural(files.open, 'file')} still open at the end under ${m}, ${baseFiles.open} under ${base.model}.` });
    }
    const peak = run.stats.objects.peak_live, basePeak = base.stats.objects.peak_live;
    if (peak > basePeak * 1.5 && peak - basePeak > 100) {
      items.push({ model: m, text: `Up to ${plural(peak, 'object')} were alive at once under ${m}, ${basePeak.toLocaleString('en')} under ${base.model}: unreachable objects wait for a collection.` });
    }
    const diffs = (report?.finalizer_differences ?? []).filter((d) => d.model === m);
    const never = diffs.filter((d) => d.other_line === null);
    const later = diffs.filter((d) => d.other_line !== null);
    if (never.length) {
      items.push({ model: m, text: `${plural(never.length, 'finalizer')} that ran under ${base.model} never ran under ${m} (the first: ${never[0].type} #${never[0].ordinal}, finalized at line ${never[0].line} under ${base.model}).`, line: never[0].line });
    }
    for (const d of later.slice(0, SHOWN_PER_MODEL)) {
      const late = d.other_clock - d.clock;
      items.push({ model: m, text: `${d.type} #${d.ordinal} was finalized at line ${d.line} under ${base.model}, at line ${d.other_line} under ${m}${late > 0 ? `, ${late.toLocaleString('en')} instructions later` : ''}.`, line: d.other_line });
    }
    if (later.length > SHOWN_PER_MODEL) {
      items.push({ model: m, text: `… and ${plural(later.length - SHOWN_PER_MODEL, 'more finalizer')} ran elsewhere or later under ${m}.` });
    }
  }
  return items;
}
