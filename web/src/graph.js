// The heap at the end of a run as a graph (Cytoscape.js, loaded when first needed): what the globals reach,
// named by the globals; the garbage no collection has found yet, faded; reference cycles in colour; what a
// traceback keeps alive, outlined.
let cytoscapeModule;

/** Node ids on reference cycles (strongly connected components of two or more, or a self-reference). */
export function cycleNodes(heap) {
  const out = heap.nodes.map(() => []);
  for (const e of heap.edges) out[e.from].push(e.to);
  const index = new Array(heap.nodes.length).fill(-1), low = [], onStack = [], stack = [], inCycle = new Set();
  let counter = 0;
  for (let root = 0; root < heap.nodes.length; root++) {
    if (index[root] >= 0) continue;
    const work = [[root, 0]];
    while (work.length) {
      const frame = work.at(-1);
      const [v, i] = frame;
      if (i === 0 && index[v] < 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = true;
      }
      if (i < out[v].length) {
        frame[1]++;
        const w = out[v][i];
        if (index[w] < 0) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length) low[work.at(-1)[0]] = Math.min(low[work.at(-1)[0]], low[v]);
      if (low[v] === index[v]) {
        const component = [];
        let w;
        do {
          w = stack.pop();
          onStack[w] = false;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || out[v].includes(v)) component.forEach((c) => inCycle.add(c));
      }
    }
  }
  return inCycle;
}

/** Node ids reachable from a traceback (its frames' locals are kept alive by it). */
export function keptByTracebacks(heap) {
  const out = heap.nodes.map(() => []);
  for (const e of heap.edges) out[e.from].push(e.to);
  const kept = new Set();
  const pending = heap.nodes.filter((n) => n.type === 'traceback').map((n) => n.id);
  while (pending.length) {
    const v = pending.pop();
    for (const w of out[v]) {
      if (kept.has(w) || heap.nodes[w].type === 'traceback') continue;
      kept.add(w);
      pending.push(w);
    }
  }
  return kept;
}

export function summarize(heap) {
  const cycles = cycleNodes(heap);
  return {
    objects: heap.nodes.length,
    garbage: heap.nodes.filter((n) => n.garbage).length,
    inCycles: cycles.size,
    keptByTraceback: [...keptByTracebacks(heap)].filter((id) => heap.nodes[id].type !== 'frame').length,
  };
}

export async function drawGraph(container, heap) {
  cytoscapeModule ??= import('cytoscape');
  const cytoscape = (await cytoscapeModule).default;
  const cycles = cycleNodes(heap);
  const kept = keptByTracebacks(heap);
  const styles = getComputedStyle(document.documentElement);
  const color = (name) => styles.getPropertyValue(name).trim();
  const elements = [
    ...heap.nodes.map((n) => ({
      data: { id: `n${n.id}`, label: n.name ? `${n.name} = ${n.label}` : n.label },
      classes: [n.garbage && 'garbage', cycles.has(n.id) && 'cycle', kept.has(n.id) && 'kept', n.name && 'root'].filter(Boolean).join(' '),
    })),
    ...heap.edges.map((e, i) => ({
      data: { id: `e${i}`, source: `n${e.from}`, target: `n${e.to}`, label: e.label },
      classes: cycles.has(e.from) && cycles.has(e.to) ? 'cycle' : '',
    })),
  ];
  return cytoscape({
    container,
    elements,
    wheelSensitivity: 0.3,
    layout: { name: 'cose', animate: false, nodeRepulsion: 9000, idealEdgeLength: 60 },
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 9, color: color('--text'), 'background-color': color('--accent'), width: 12, height: 12, 'text-valign': 'bottom', 'text-margin-y': 3 } },
      { selector: 'node.root', style: { 'font-weight': 'bold', width: 16, height: 16 } },
      { selector: 'node.garbage', style: { opacity: 0.55, 'background-color': color('--muted'), 'border-style': 'dashed', 'border-width': 1 } },
      { selector: 'node.cycle', style: { 'background-color': color('--final') } },
      { selector: 'node.kept', style: { 'border-width': 3, 'border-color': color('--accent-2') } },
      { selector: 'edge', style: { width: 1, 'line-color': color('--border'), 'target-arrow-color': color('--border'), 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: color('--muted') } },
      { selector: 'edge.cycle', style: { 'line-color': color('--final'), 'target-arrow-color': color('--final'), width: 2 } },
    ],
  });
}
