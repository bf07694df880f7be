// Shared by the package tests: where things are, and the native CLI's results to compare with.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const BUILD = resolve(process.env.REFSCOPE_BUILD ?? join(ROOT, 'build'));
export const NATIVE = join(BUILD, 'refscope');
export const SCRIPTS = join(ROOT, 'tests', 'scripts');
export const PACKAGE = join(ROOT, 'wasm');

export function goldenScripts() {
  return readdirSync(SCRIPTS).filter((name) => name.endsWith('.py')).sort();
}

export function stdinOf(name) {
  const path = join(SCRIPTS, name.replace(/\.py$/, '.in'));
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/** The native CLI on a golden script, run where the golden tests run it. */
export function native(args, { cwd = SCRIPTS, input = '' } = {}) {
  const p = spawnSync(NATIVE, args, { cwd, input, encoding: 'utf8' });
  // killed by SIGINT after an uncaught KeyboardInterrupt, as python3: a shell's 130
  const exitCode = p.status ?? (p.signal === 'SIGINT' ? 130 : 128);
  return { stdout: p.stdout, stderr: p.stderr, exitCode };
}

/** Every file of tests/scripts, for a runtime's file system (scripts import and open their neighbours). */
export function scriptFiles() {
  const files = {};
  for (const name of readdirSync(SCRIPTS)) files[join(SCRIPTS, name)] = readFileSync(join(SCRIPTS, name));
  return files;
}

/** Stats without what may differ between a native run and a wasm one: wall-clock times, and bytes (wasm32
    objects are smaller than x86-64 ones). Everything else, counts of objects included, is the same. */
export function portableStats(stats) {
  const { collection_seconds, longest_pause_seconds, bytes, ...rest } = stats;
  return rest;
}

/** An event without its wall-clock pause and its size in bytes (see portableStats). */
export function portableEvent(event) {
  const { pause_seconds, size, ...rest } = event;
  return rest;
}
