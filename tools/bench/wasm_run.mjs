// make bench's wasm runner: runs one script through the package in a fresh runtime, as the playground's worker
// does, its output on stdout; on stderr, how long the run itself took (Node's and the package's start-up left
// out), for the table's in-process column.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRuntime } from '../../wasm/index.js';

const path = resolve(process.argv[2]);
const runtime = await createRuntime();
const code = readFileSync(path, 'utf8');
const start = performance.now();
const result = runtime.run(code, { filename: path });
const elapsed = performance.now() - start;
process.stdout.write(result.stdout);
process.stderr.write(`${result.stderr}refscope-wasm-run-ms ${elapsed.toFixed(1)}\n`);
process.exitCode = result.exitCode;
