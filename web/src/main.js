// The playground page: the editor, the models side by side (output, stats, timeline), and the differences.
import { createEditor } from './editor.js';
import { describeDifferences } from './differences.js';
import { examples } from './examples.js';
import { Runner } from './runner.js';
import { readShared, shareLink } from './share.js';
import { drawGraph, summarize } from './graph.js';
import { drawTimeline } from './timeline.js';

const MODELS = [
  { name: 'cpython', title: 'CPython: reference counting and the cycle collector' },
  { name: 'jvm', title: 'JVM (Jython): young and old generations, a lagging finalizer thread' },
  { name: 'clr', title: 'CLR (IronPython): generations 0-2 with budgets, the f-reachable queue' },
  { name: 'boehm', title: 'Boehm: one mark-sweep heap, finalizers in topological order' },
];
const STEP_LIMIT = 200_000_000;

const $ = (selector) => document.querySelector(selector);
const runner = new Runner();

// ---- theme ----
const storedTheme = localStorage.getItem('refscope-theme');
let dark = storedTheme ? storedTheme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
document.documentElement.dataset.theme = dark ? 'dark' : 'light';

// ---- the code and models to start with: a share link, else the first example ----
const shared = readShared();
const first = examples[0];
const editor = createEditor($('#editor'), {
  code: shared?.code ?? first?.code ?? 'print("hello")\n',
  onRun: () => run(),
  onStop: () => stop(),
  dark,
});

const modelBoxes = $('.models');
for (const model of MODELS) {
  const label = document.createElement('label');
  label.title = model.title;
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.value = model.name;
  box.checked = shared?.models?.length ? shared.models.includes(model.name) : true;
  label.append(box, ` ${model.name}`);
  modelBoxes.append(label);
}
const chosenModels = () => [...modelBoxes.querySelectorAll('input:checked')].map((box) => box.value);

const exampleMenu = $('#examples');
exampleMenu.append(new Option(shared ? '(shared code)' : '(choose an example)', ''));
for (const example of examples) exampleMenu.append(new Option(example.name.replaceAll('_', ' '), example.name));
function showExample(example) {
  $('#note').textContent = example ? example.note : '';
}
if (!shared && first) {
  exampleMenu.value = first.name;
  showExample(first);
}
exampleMenu.addEventListener('change', () => {
  const example = examples.find((e) => e.name === exampleMenu.value);
  if (!example) return;
  editor.code = example.code;
  showExample(example);
  editor.mark(null);
});

// ---- running ----
function setRunning(on, message) {
  $('#run').disabled = on;
  $('#stop').disabled = !on;
  document.body.classList.toggle('running', on);
  if (message) $('#status').textContent = message;
}

/** The line a traceback or SyntaxError points at in main.py (the innermost), or null. */
function errorLine(stderr) {
  const lines = [...stderr.matchAll(/File "\/playground\/main\.py", line (\d+)/g)];
  return lines.length ? Number(lines.at(-1)[1]) : null;
}

async function run() {
  const models = chosenModels();
  if (!models.length) {
    $('#status').textContent = 'Choose at least one model.';
    return;
  }
  editor.mark(null);
  setRunning(true, `Running under ${models.join(', ')}…`);
  const started = performance.now();
  try {
    const { runs, report } = await runner.run(editor.code, models, {
      stepLimit: STEP_LIMIT,
      onProgress: ({ done, total, model }) => ($('#status').textContent = `Ran ${model} (${done} of ${total})…`),
    });
    showResults(runs, report);
    const line = errorLine(runs[0].stderr);
    if (line) editor.mark(line, 'error');
    setRunning(false, `Done in ${((performance.now() - started) / 1000).toFixed(2)} s.` + (line ? ` An error at line ${line} (marked).` : ''));
  } catch (error) {
    setRunning(false, error.stopped ? 'Stopped.' : `The runtime failed: ${error.message}`);
  }
}

function stop() {
  if (!runner.running) return;
  runner.stop();
}

$('#run').addEventListener('click', () => run());
$('#stop').addEventListener('click', () => stop());
$('#share').addEventListener('click', async () => {
  const link = shareLink(editor.code, chosenModels());
  history.replaceState(null, '', link);
  try {
    await navigator.clipboard.writeText(link);
    $('#status').textContent = 'A link to this code and these models is in the clipboard (and the address bar).';
  } catch {
    $('#status').textContent = 'The address bar now holds a link to this code and these models.';
  }
});
$('#theme').addEventListener('click', () => {
  dark = !dark;
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  localStorage.setItem('refscope-theme', dark ? 'dark' : 'light');
  editor.setDark(dark);
  if (lastResults) showResults(...lastResults);
});

// ---- results ----
let lastResults = null;

function statsTable(stats) {
  const rows = [
    ['collections (gen 0 / 1 / 2)', stats.generations.map((g) => g.collections).join(' / ')],
    ['collected (gen 0 / 1 / 2)', stats.generations.map((g) => g.collected).join(' / ')],
    ['objects allocated', stats.objects.allocated],
    ['freed by refcount / collection / at exit', `${stats.objects.freed_by_refcount} / ${stats.objects.freed_by_collection} / ${stats.objects.freed_at_shutdown}`],
    ['live / peak live objects', `${stats.objects.live} / ${stats.objects.peak_live}`],
    ['peak live bytes', stats.bytes.peak_live],
    ['finalizers run', stats.finalizers_run],
    ['open files at the end / peak', `${stats.files.open} / ${stats.files.peak_open}`],
    ['instructions', stats.instructions],
  ];
  const table = document.createElement('table');
  table.className = 'stats';
  for (const [label, value] of rows) {
    const tr = table.insertRow();
    tr.insertCell().textContent = label;
    tr.insertCell().textContent = typeof value === 'number' ? value.toLocaleString('en') : value;
  }
  return table;
}

/** The heap at the end of the run, drawn when opened. */
function heapView(run) {
  const details = document.createElement('details');
  details.className = 'heap';
  const summary = document.createElement('summary');
  if (!run.heap) {
    summary.textContent = 'Heap at the end: not available';
    details.append(summary);
    return details;
  }
  const s = summarize(run.heap);
  summary.textContent = `Heap at the end: ${s.objects} objects, ${s.garbage} garbage not yet collected, ` +
    `${s.inCycles} in cycles, ${s.keptByTraceback} kept by a traceback` + (run.heap.truncated ? ' (the first 400)' : '');
  const graph = document.createElement('div');
  graph.className = 'graph';
  graph.setAttribute('aria-label', `Object graph at the end under ${run.model}`);
  const legend = document.createElement('p');
  legend.className = 'graph-legend';
  legend.innerHTML = '<span class="key root">● global</span> <span class="key cycle">● in a cycle</span> ' +
    '<span class="key garbage">● garbage</span> <span class="key kept">◯ kept by a traceback</span>';
  details.append(summary, graph, legend);
  details.addEventListener('toggle', () => {
    if (details.open && !graph.dataset.drawn) {
      graph.dataset.drawn = '1';
      drawGraph(graph, run.heap);
    }
  });
  return details;
}

function showResults(runs, report) {
  lastResults = [runs, report];
  const results = $('#results');
  results.replaceChildren();
  results.style.setProperty('--columns', runs.length);
  for (const run of runs) {
    const column = document.createElement('article');
    column.className = 'panel model';
    column.dataset.model = run.model;
    const title = document.createElement('h2');
    title.textContent = run.model;
    const status = document.createElement('span');
    status.className = run.exitCode === 0 ? 'exit ok' : 'exit failed';
    status.textContent = `exit ${run.exitCode}`;
    title.append(' ', status);
    const output = document.createElement('pre');
    output.className = 'output';
    output.setAttribute('aria-label', `Output under ${run.model}`);
    output.textContent = run.stdout;
    if (run.stderr) {
      const err = document.createElement('span');
      err.className = 'stderr';
      err.textContent = run.stderr;
      output.append(err);
    }
    const chart = document.createElement('div');
    chart.className = 'timeline';
    chart.setAttribute('aria-label', `Live objects over time under ${run.model}`);
    column.append(title, output, chart, statsTable(run.stats), heapView(run));
    results.append(column);
    drawTimeline(chart, run.timeline, {
      width: Math.max(240, column.clientWidth - 24),
      onHoverLine: (line) => line && editor.mark(line, 'focus'),
    });
  }
  const list = $('#differences');
  list.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = 'Differences';
  list.append(heading);
  const items = runs.length > 1 ? describeDifferences(runs, report) : [];
  if (!items.length) {
    const p = document.createElement('p');
    p.className = 'placeholder';
    p.textContent = runs.length > 1 ? 'None: every model gave the same output, finalizers and peaks.' : 'Choose two models or more to compare them.';
    list.append(p);
    return;
  }
  const ul = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    li.dataset.model = item.model;
    if (item.line) {
      const button = document.createElement('button');
      button.className = 'link';
      button.textContent = item.text;
      button.title = `Show line ${item.line}`;
      button.addEventListener('click', () => editor.mark(item.line, 'focus'));
      li.append(button);
    } else {
      li.textContent = item.text;
    }
    ul.append(li);
  }
  list.append(ul);
}

window.refscopePlayground = { run, stop, editor, runner };
