// Every golden script through the package gives the native CLI's stdout, stderr and exit status; a sample gives
// its events and stats too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../../wasm/index.js';
import { SCRIPTS, portableEvent, portableStats, goldenScripts, native, scriptFiles, stdinOf } from './helpers.js';

const runtime = await createRuntime({ files: scriptFiles() });

/** Object addresses differ between a 64-bit native process and 32-bit wasm; nothing else may. */
function withoutAddresses(text) {
  return text.replace(/0x[0-9a-f]+/g, '0x...');
}

for (const name of goldenScripts()) {
  test(`golden ${name}`, () => {
    const path = join(SCRIPTS, name);
    const stdin = stdinOf(name);
    const want = native([name], { input: stdin });
    const got = runtime.run(readFileSync(path), { filename: path, cwd: SCRIPTS, stdin }); // bytes, as python3 reads them
    assert.equal(withoutAddresses(got.stdout), withoutAddresses(want.stdout), 'stdout');
    assert.equal(withoutAddresses(got.stderr), withoutAddresses(want.stderr), 'stderr');
    assert.equal(got.exitCode, want.exitCode, 'exit status');
  });
}

const SAMPLE = ['gc_cycles_basic.py', 'gc_finalizers_cycles.py', 'weakref_gc_cycles.py', 'gc_generations.py',
  'files_open_close.py', 'gc_automatic_timing.py'];

for (const model of ['cpython', 'jvm', 'clr', 'boehm']) {
  const modelRuntime = await createRuntime({ model, files: scriptFiles() });
  for (const name of SAMPLE) {
    test(`events and stats of ${name} under ${model}`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'refscope-node-'));
      try {
        const path = join(SCRIPTS, name);
        const trace = join(dir, 'trace.jsonl');
        const want = native(['--gc', model, '--stats=json', '--trace', trace, name], { input: stdinOf(name) });
        const wantEvents = readFileSync(trace, 'utf8').split('\n').filter(Boolean).map((l) => portableEvent(JSON.parse(l)));
        const wantStats = JSON.parse(want.stderr.trim().split('\n').at(-1));
        const got = modelRuntime.run(readFileSync(path, 'utf8'), { filename: path, cwd: SCRIPTS, stdin: stdinOf(name), events: true });
        assert.ok(wantEvents.length > 10, 'the sample has events');
        assert.deepEqual(got.events.map(portableEvent), wantEvents);
        assert.deepEqual(portableStats(got.stats), portableStats(wantStats));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
