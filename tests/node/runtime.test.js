// The package's API: options and limits, misuse, isolation, dispose, streaming, the file system, compare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { compare, createRuntime, models } from '../../wasm/index.js';

test('a script runs, and its error does not throw', async () => {
  const rt = await createRuntime();
  const ok = rt.run('print("hello", 6 * 7)');
  assert.equal(ok.stdout, 'hello 42\n');
  assert.equal(ok.exitCode, 0);
  assert.equal(ok.error, null);
  const bad = rt.run('def f():\n    raise ValueError("no")\nf()\n', { filename: 'bad.py' });
  assert.equal(bad.exitCode, 1);
  assert.equal(bad.error, 'ValueError: no');
  assert.match(bad.stderr, /File "bad.py", line 2, in f\n/);
  assert.equal(rt.run('import sys\nsys.exit(3)').exitCode, 3);
  assert.equal(rt.run('print(1)').stdout, '1\n', 'the runtime is usable after errors');
});

test('each run starts from a fresh state', async () => {
  const rt = await createRuntime();
  rt.run('x = 1');
  assert.match(rt.run('print(x)').stderr, /NameError: name 'x' is not defined/);
});

test('a syntax error is reported with its place', async () => {
  const rt = await createRuntime();
  const r = rt.run('print(1 +)\n', { filename: 'syn.py' });
  assert.equal(r.exitCode, 1);
  assert.match(r.stderr, /File "syn.py", line 1\n.*\n.*\^\nSyntaxError: invalid syntax/);
});

test('the step limit stops an endless loop, past except and finally, and the runtime stays usable', async () => {
  const rt = await createRuntime({ stepLimit: 200000 });
  const r = rt.run('try:\n    while True:\n        pass\nexcept BaseException:\n    print("caught")\nfinally:\n    print("finally")\n');
  assert.equal(r.exitCode, 1);
  assert.equal(r.error, 'stopped at the step limit of 200000 instructions');
  assert.equal(r.stdout, '');
  assert.ok(r.stats.instructions >= 200000 && r.stats.instructions < 200100);
  assert.equal(rt.run('print(sum(range(10)))').stdout, '45\n');
});

test('the memory limit gives a MemoryError, and the runtime stays usable', async () => {
  const rt = await createRuntime({ memoryLimit: 4 * 1024 * 1024 });
  const r = rt.run('x = []\nwhile True:\n    x.append("y" * 1000)\n');
  assert.equal(r.exitCode, 1);
  assert.equal(r.error, 'MemoryError: ');
  assert.equal(rt.run('print("again")').stdout, 'again\n');
});

test('the recursion limit gives a RecursionError', async () => {
  const rt = await createRuntime({ recursionLimit: 50 });
  const r = rt.run('def f(n):\n    return f(n + 1)\nf(0)\n');
  assert.match(r.error, /^RecursionError: maximum recursion depth exceeded/);
});

test('the open-file limit gives OSError 24', async () => {
  const rt = await createRuntime({ maxOpenFiles: 3, files: { '/data/a.txt': 'a' } });
  const r = rt.run('fs = []\ntry:\n    while True:\n        fs.append(open("/data/a.txt"))\nexcept OSError as e:\n    print(len(fs), e.errno, e.strerror)\n');
  assert.equal(r.stdout, '3 24 Too many open files\n');
});

test('the in-memory file system is seeded, written by scripts, and read back', async () => {
  const rt = await createRuntime({ files: { '/data/in.txt': 'one\ntwo\n' } });
  const r = rt.run('with open("in.txt") as f:\n    lines = f.read().split()\nwith open("out.txt", "w") as f:\n    f.write("-".join(lines))\n', { cwd: '/data' });
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(rt.fs.readFile('/data/out.txt', { encoding: 'utf8' }), 'one-two');
  assert.ok(rt.fs.files().has('/data/in.txt'));
});

test('input() reads stdin', async () => {
  const rt = await createRuntime();
  assert.equal(rt.run('a = input()\nb = input("> ")\nprint(a + b)', { stdin: 'x\ny\n' }).stdout, '> xy\n');
});

test('output streams through callbacks as it is written', async () => {
  const rt = await createRuntime();
  const chunks = [];
  const r = rt.run('import sys\nfor i in range(3):\n    print(i)\nsys.stderr.write("err\\n")\n', {
    onStdout: (text) => chunks.push(['out', text]),
    onStderr: (text) => chunks.push(['err', text]),
  });
  assert.equal(chunks.filter(([s]) => s === 'out').map(([, t]) => t).join(''), r.stdout);
  assert.deepEqual(chunks.at(-1), ['err', 'err\n']);
});

test('events come as the CLI traces them, of the kinds asked for', async () => {
  const rt = await createRuntime();
  const r = rt.run('import gc\nclass A:\n    def __del__(self): pass\na = A()\na.me = a\ndel a\ngc.collect()\n', { events: ['gc', 'finalize'] });
  const kinds = new Set(r.events.map((e) => e.kind));
  assert.deepEqual([...kinds].sort(), ['finalize_end', 'finalize_start', 'gc_start', 'gc_stop']);
  const start = r.events.find((e) => e.kind === 'finalize_start');
  assert.equal(start.type, 'A');
  assert.equal(start.line, 7, 'finalized by the collection at line 7');
  assert.equal(rt.run('x = 1').events, null, 'no events unless asked');
  assert.equal(rt.run('x = [[] for i in range(100)]', { events: ['alloc'], eventLimit: 10 }).eventsDropped > 0, true);
});

test('two runtimes do not interfere', async () => {
  const [a, b] = await Promise.all([createRuntime({ model: 'cpython' }), createRuntime({ model: 'jvm' })]);
  a.fs.writeFile('/shared.txt', 'from a');
  assert.equal(b.fs.exists('/shared.txt'), false, 'each has its own file system');
  const code = 'import weakref\nclass A: pass\nx = A()\nr = weakref.ref(x)\ndel x\nprint(r() is None)\n';
  assert.equal(a.run(code).stdout, 'True\n');
  assert.equal(b.run(code).stdout, 'False\n', 'jvm keeps the object until a collection');
  assert.equal(a.run(code).stdout, 'True\n');
});

test('the models, and compare() giving the CLI\'s --compare-json report', async () => {
  assert.deepEqual([...models], ['cpython', 'jvm', 'clr', 'boehm']);
  const code = 'class R:\n    def __del__(self):\n        print("freed")\nfor i in range(3):\n    x = R()\nprint("end")\n';
  const report = await compare(code, ['cpython', 'jvm']);
  assert.deepEqual(report.runs.map((r) => r.model), ['cpython', 'jvm']);
  assert.equal(report.runs[0].stdout, 'freed\nfreed\nend\nfreed\n');
  assert.equal(report.runs[1].stdout, 'end\n');
  assert.ok(report.finalizer_differences.length >= 3);
  assert.equal(report.finalizer_differences[0].type, 'R');
});

test('misuse throws clear errors', async () => {
  await assert.rejects(createRuntime({ model: 'pypy' }), /unknown model "pypy"/);
  await assert.rejects(createRuntime({ memoryLimit: -1 }), /memoryLimit must be a non-negative integer/);
  await assert.rejects(createRuntime(null), /needs an object/);
  const rt = await createRuntime();
  assert.throws(() => rt.run(42), /needs the code as a string/);
  assert.throws(() => rt.run('x', { events: ['nope'] }), /unknown event kind "nope"/);
  assert.throws(() => rt.run('x', { cwd: 'relative' }), /cwd must be an absolute path/);
  assert.throws(() => rt.compare('x', []), /needs a list of models/);
  assert.throws(() => rt.run('x', { onStdout: () => rt.run('y') }) && rt.run('print(1)', { onStdout: () => rt.run('y') }),
    /one script at a time/);
  rt.dispose();
  assert.throws(() => rt.run('print(1)'), /this runtime was disposed/);
  assert.throws(() => rt.fs, /this runtime was disposed/);
});

test('deep structures end in RecursionError, and bytes that are not UTF-8 in a SyntaxError', async () => {
  const rt = await createRuntime();
  const nested = (open, close) => `x = ()\nfor i in range(100000):\n    x = ${open}x${close}\n`;
  const hash = rt.run(`${nested('(', ',)')}try:\n    hash(x)\nexcept RecursionError as e:\n    print(e)\n`);
  assert.equal(hash.stdout, 'maximum recursion depth exceeded while hashing\n');
  const equal = rt.run(`${nested('[', ']')}try:\n    x == [x]\nexcept RecursionError as e:\n    print(e)\n`);
  assert.equal(equal.stdout, 'maximum recursion depth exceeded in comparison\n');
  const chain = rt.run('it = iter([1])\nfor i in range(100000):\n    it = map(abs, it)\ntry:\n    list(it)\nexcept RecursionError:\n    print("stopped")\n');
  assert.equal(chain.stdout, 'stopped\n');
  assert.equal(rt.run(`${nested('[', ']')}del x\nprint("freed")`).stdout, 'freed\n');
  const latin1 = rt.run(new Uint8Array([...Buffer.from('print("caf'), 0xe9, ...Buffer.from('")\n')]), { filename: 'l.py' });
  assert.equal(latin1.exitCode, 1);
  assert.match(latin1.stderr, /SyntaxError: Non-UTF-8 code starting with '\\xe9' in file l\.py on line 1/);
});

test('a run the JavaScript engine stops (its stack ran out) ends as an error; the runtime then refuses runs', () => {
  // A JavaScript stack of 200 KB runs out long before any limit of the runtime's.
  const script = `
    import { createRuntime } from ${JSON.stringify(new URL('../../wasm/index.js', import.meta.url).href)};
    const rt = await createRuntime();
    const r = rt.run('def f(n):\\n    return f(n + 1)\\nf(0)\\n');
    let again;
    try { rt.run('print(1)'); } catch (e) { again = e.message; }
    const fresh = (await createRuntime()).run('print(1)').stdout;
    console.log(JSON.stringify({ exitCode: r.exitCode, error: r.error, again, fresh }));`;
  const child = spawnSync(process.execPath, ['--stack-size=200', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const got = JSON.parse(child.stdout.trim().split('\n').pop());
  assert.equal(got.exitCode, 1);
  assert.match(got.error, /^RecursionError: the JavaScript engine stopped the run \(RangeError: Maximum call stack size exceeded\)/);
  assert.match(got.again, /stopped in an earlier run/);
  assert.equal(got.fresh, '1\n');
});
