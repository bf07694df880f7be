// A run's timeline over the logical clock (bytecode instructions): live objects and bytes, with collections and
// finalizers marked; hovering tells the line being executed.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

function markers(u, items, color, top) {
  const { ctx } = u;
  ctx.save();
  ctx.fillStyle = color;
  for (const item of items) {
    const x = u.valToPos(item.clock, 'x', true);
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.fillRect(x - 1, u.bbox.top + (top ? 0 : u.bbox.height - 6 * devicePixelRatio), 2 * devicePixelRatio, 6 * devicePixelRatio);
  }
  ctx.restore();
}

function compact(n) {
  return n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(n);
}

function compactBytes(n) {
  return n >= 1 << 20 ? `${+(n / (1 << 20)).toFixed(1)}M` : n >= 1024 ? `${Math.round(n / 1024)}K` : String(n);
}

export function drawTimeline(container, timeline, { width, onHoverLine }) {
  container.replaceChildren();
  if (!timeline.clock.length) {
    container.textContent = 'No memory events.';
    return null;
  }
  const legend = document.createElement('p');
  legend.className = 'timeline-legend';
  legend.innerHTML = '';
  legend.append(
    Object.assign(document.createElement('span'), { className: 'mark-gc', textContent: `▮ ${timeline.collectionCount.toLocaleString('en')} collections` }),
    Object.assign(document.createElement('span'), { className: 'mark-final', textContent: `▮ ${timeline.finalizerCount.toLocaleString('en')} finalizers` }),
  );
  if (timeline.truncated) legend.append(' (the first 3,000,000 events)');
  const styles = getComputedStyle(document.documentElement);
  const plot = new uPlot({
    width,
    height: 170,
    cursor: { drag: { x: true, y: false } },
    legend: { live: true },
    scales: { x: { time: false } },
    axes: [
      { stroke: styles.getPropertyValue('--muted'), size: 30, values: (u, ticks) => ticks.map(compact) },
      { stroke: styles.getPropertyValue('--accent'), size: 44, values: (u, ticks) => ticks.map(compact) },
      { side: 1, scale: 'bytes', stroke: styles.getPropertyValue('--accent-2'), size: 48, grid: { show: false }, values: (u, ticks) => ticks.map(compactBytes) },
    ],
    series: [
      { label: 'instruction' },
      { label: 'live objects', stroke: styles.getPropertyValue('--accent'), width: 1.5 },
      { label: 'live bytes', scale: 'bytes', stroke: styles.getPropertyValue('--accent-2'), width: 1 },
    ],
    hooks: {
      draw: [(u) => {
        markers(u, timeline.collections, styles.getPropertyValue('--gc'), true);
        markers(u, timeline.finalizers, styles.getPropertyValue('--final'), false);
      }],
      setCursor: [(u) => {
        const i = u.cursor.idx;
        if (i !== null && i !== undefined) onHoverLine?.(timeline.line[i]);
      }],
    },
  }, [timeline.clock, timeline.live, timeline.bytes], container);
  container.append(legend);
  return plot;
}
