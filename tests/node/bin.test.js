// The package's bin: the native CLI's flags and behaviour, on files copied from and back to the host.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NATIVE, PACKAGE, ROOT, native } from './helpers.js';

const BIN = join(PACKAGE, 'bin', 'refscope.js');

function bin(args, { cwd = ROOT, input = '' } = {}) {
  const p = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8' });
  return { stdout: p.stdout, stderr: p.stderr, exitCode: p.status };
}

test('the bin runs -c, a script with arguments, and standard input as the native CLI does', () => {
  for (const args of [['-c', 'import sys; print(sys.argv)'], ['--gc', 'jvm', 'examples/cycle_del.py'], ['-'], ['--help'],
    ['--gc', 'nope', 'x.py'], ['missing.py'], ['--stats=json', '--gc', 'clr', 'examples/weakref_cache.py']]) {
    const input = args[0] === '-' ? 'print("from stdin")\n' : '';
    const want = native(args, { cwd: ROOT, input });
    const got = bin(args, { input });
    assert.equal(got.exitCode, want.exitCode, `exit status of ${args.join(' ')}`);
    if (args[0] === '--stats=json') {
      assert.equal(got.stdout, want.stdout);
      assert.equal(JSON.parse(got.stderr).instructions, JSON.parse(want.stderr).instructions);
    } else {
      assert.equal(got.stdout, want.stdout, `stdout of ${args.join(' ')}`);
      // (the program names itself by argv[0], as python3 does)
      assert.equal(got.stderr, want.stderr.replaceAll(NATIVE, 'refscope'), `stderr of ${args.join(' ')}`);
    }
  }
});

test('files the run writes (a trace, the script\'s own) come back to the host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-bin-'));
  try {
    writeFileSync(join(dir, 'data.txt'), 'hello');
    writeFileSync(join(dir, 'prog.py'), 'text = open("data.txt").read()\nwith open("out.txt", "w") as f:\n    f.write(text.upper())\n');
    const r = bin(['--trace', 'trace.jsonl', '--trace-kinds', 'file', 'prog.py'], { cwd: dir });
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(readFileSync(join(dir, 'out.txt'), 'utf8'), 'HELLO');
    const kinds = readFileSync(join(dir, 'trace.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).kind);
    assert.deepEqual(kinds, ['file_open', 'file_close', 'file_open', 'file_close']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
