// The seed FAQ's cases (examples/ at the repository's root), each with the note its opening comment gives.
const sources = import.meta.glob('../../examples/*.py', { query: '?raw', import: 'default', eager: true });

const ORDER = ['resource_loop', 'resource_close', 'resource_with', 'files_unclosed', 'traceback_locals', 'cycle_del', 'weakref_cache'];

function noteOf(code) {
  const lines = [];
  for (const line of code.split('\n')) {
    if (!line.startsWith('#')) break;
    lines.push(line.replace(/^# ?/, ''));
  }
  return lines.join(' ').replace(/\s*\(Written in the subset.*$/, '');
}

export const examples = Object.entries(sources)
  .map(([path, code]) => ({ name: path.split('/').pop().replace(/\.py$/, ''), code, note: noteOf(code) }))
  .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
