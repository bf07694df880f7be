#!/usr/bin/env node
// The refscope command line, in WebAssembly: the native CLI's own code and flags (refscope --help), run on the
// runtime's in-memory file system. The script, and the other files of its directory, are copied in first; files
// the run creates or changes are copied back out (a --trace file, what the script writes), so it behaves like the
// native program on small projects. Standard input is read whole before the run.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createRuntime } from '../index.js';

const MAX_COPIED_FILE = 16 * 1024 * 1024;

function sameBytes(a, b) {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

// A reader that goes away (refscope ... | head) ends the output quietly, as the native program does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);
const runtime = await createRuntime();
const cwd = process.cwd();

// The script's directory (and any other file named on the command line) goes in.
const copied = new Set();
function copyIn(path) {
  if (copied.has(path) || !existsSync(path)) return;
  const info = statSync(path);
  if (!info.isFile() || info.size > MAX_COPIED_FILE) return;
  runtime.fs.writeFile(path, readFileSync(path));
  copied.add(path);
}
for (const arg of args) {
  const path = resolve(cwd, arg);
  if (!existsSync(path) || !statSync(path).isFile()) continue;
  for (const name of readdirSync(dirname(path))) copyIn(resolve(dirname(path), name));
}
runtime.fs.chdir(cwd);

const before = runtime.fs.files();
const stdin = process.stdin.isTTY ? '' : readFileSync(0, 'utf8');
const { exitCode } = runtime.cli(args, {
  stdin,
  onStdout: (text) => process.stdout.write(text),
  onStderr: (text) => process.stderr.write(text),
});

// What the run wrote comes back out.
for (const [path, bytes] of runtime.fs.files()) {
  if (path.startsWith('/tmp/compare/')) continue;
  const old = before.get(path);
  if (old && sameBytes(old, bytes)) continue;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
process.exitCode = exitCode;
