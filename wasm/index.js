// refscope for JavaScript: the C runtime compiled to WebAssembly (dist/refscope-core.*), for Node.js 18+,
// browsers and Web Workers from the same files. Each runtime is its own wasm instance, with its own memory and
// in-memory file system; the compiled module is shared. See README.md for the API.
import createRefscopeCore from './dist/refscope-core.js';

const CORE_WASM = new URL('./dist/refscope-core.wasm', import.meta.url);

/** The memory-management models, in the order the C API numbers them. */
export const models = Object.freeze(['cpython', 'jvm', 'clr', 'boehm']);

/** Event kinds for run(code, { events }) and their RS_EV_* bits (refscope.h). */
const EVENT_BITS = { alloc: 1, free: 2, finalize: 4 | 8, gc: 16 | 32, weakref: 64, file: 128 | 256 };
const ALL_EVENTS = 511;
const EVENTS_PATH = '/tmp/.refscope-events.jsonl';

const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

let compiled;
/** Compiles the wasm once per process (or page); every runtime instantiates it. */
function compileCore() {
  compiled ??= (async () => {
    let bytes;
    if (isNode) {
      const { readFile } = await import('node:fs/promises');
      bytes = await readFile(CORE_WASM);
    } else {
      const response = await fetch(CORE_WASM);
      if (!response.ok) throw new Error(`refscope: cannot load ${CORE_WASM} (HTTP ${response.status})`);
      bytes = await response.arrayBuffer();
    }
    return WebAssembly.compile(bytes);
  })();
  return compiled;
}

/** A fresh instance of the core, its standard streams (used by the CLI) routed to `stdio`. */
async function instantiateCore(stdio) {
  const module = await compileCore();
  return createRefscopeCore({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module));
      return {};
    },
    preRun: [(core) => core.FS.init(() => stdio.input(), (byte) => stdio.output(1, byte), (byte) => stdio.output(2, byte))],
    print: () => {},
    printErr: () => {},
  });
}

function misuse(message) {
  return new Error(`refscope: ${message}`);
}

function checkCount(options, name, { allowMinusOne = false } = {}) {
  const value = options[name];
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < (allowMinusOne ? -1 : 0)) {
    throw new TypeError(`refscope: option ${name} must be a non-negative integer, not ${JSON.stringify(value)}`);
  }
  return value;
}

function checkModel(model) {
  if (!models.includes(model)) throw new TypeError(`refscope: unknown model ${JSON.stringify(model)} (the models: ${models.join(', ')})`);
  return model;
}

function eventMask(events) {
  if (!events) return 0;
  if (events === true) return ALL_EVENTS;
  if (!Array.isArray(events)) throw new TypeError('refscope: events must be true or a list of kinds');
  let mask = 0;
  for (const kind of events) {
    if (!(kind in EVENT_BITS)) throw new TypeError(`refscope: unknown event kind ${JSON.stringify(kind)} (${Object.keys(EVENT_BITS).join(', ')})`);
    mask |= EVENT_BITS[kind];
  }
  return mask;
}

/** Bytes written by the core, decoded as UTF-8 as they come (a character may straddle two writes). */
class Stream {
  constructor(listener) {
    this.decoder = new TextDecoder();
    this.text = '';
    this.listener = listener;
  }
  push(bytes) {
    const chunk = this.decoder.decode(bytes, { stream: true });
    if (!chunk) return;
    this.text += chunk;
    this.listener?.(chunk);
  }
  end() {
    const rest = this.decoder.decode();
    if (rest) {
      this.text += rest;
      this.listener?.(rest);
    }
    return this.text;
  }
}

/** The byte-at-a-time standard streams of the compiled-in CLI, collected into chunks. */
class CliStdio {
  constructor({ stdin = '', onStdout, onStderr } = {}) {
    this.input_bytes = new TextEncoder().encode(stdin);
    this.input_pos = 0;
    this.streams = { 1: new Stream(onStdout), 2: new Stream(onStderr) };
    this.pending = { 1: [], 2: [] };
  }
  input() {
    return this.input_pos < this.input_bytes.length ? this.input_bytes[this.input_pos++] : null;
  }
  output(fd, byte) {
    if (byte === null) return;
    const pending = this.pending[fd];
    pending.push(byte);
    if (byte === 10 || pending.length >= 4096) this.flush(fd);
  }
  flush(fd) {
    if (this.pending[fd].length) this.streams[fd].push(Uint8Array.from(this.pending[fd]));
    this.pending[fd] = [];
  }
  end() {
    this.flush(1);
    this.flush(2);
    return { stdout: this.streams[1].end(), stderr: this.streams[2].end() };
  }
}

/** text as a NUL-terminated UTF-8 string in the wasm heap (the caller frees it). */
function cString(core, text) {
  const size = core.lengthBytesUTF8(text) + 1;
  const pointer = core._malloc(size);
  if (!pointer) throw misuse('out of memory in the wasm heap');
  core.stringToUTF8(text, pointer, size);
  return pointer;
}

/** code (a string, or the bytes of a file: a Uint8Array, which may hold what is not UTF-8) in the wasm heap. */
function cSource(core, code) {
  if (typeof code === 'string') return [cString(core, code), core.lengthBytesUTF8(code)];
  const pointer = core._malloc(code.length + 1);
  if (!pointer) throw misuse('out of memory in the wasm heap');
  core.HEAPU8.set(code, pointer);
  core.HEAPU8[pointer + code.length] = 0;
  return [pointer, code.length];
}

function mkdirs(FS, dir) {
  let path = '';
  for (const part of dir.split('/').filter(Boolean)) {
    path += '/' + part;
    if (!FS.analyzePath(path).exists) FS.mkdir(path);
  }
}

/**
 * A runtime: runs scripts one after another, each in a fresh interpreter state with the runtime's options,
 * all sharing the runtime's in-memory file system.
 */
export class Runtime {
  #core;
  #stdio;
  #options;
  #busy = false;
  #failure = null;

  constructor(core, stdio, options) {
    this.#core = core;
    this.#stdio = stdio;
    this.#options = options;
  }

  #alive() {
    if (!this.#core) throw misuse('this runtime was disposed');
    if (this.#failure) throw misuse(`this runtime stopped in an earlier run (${this.#failure}); create a new one`);
    if (this.#busy) throw misuse('a runtime runs one script at a time (run() was called from inside a run)');
    return this.#core;
  }

  /**
   * The engine stopped the wasm code mid-run (its own stack ran out in a recursion no check of the runtime's
   * caught, say): the instance's C stack and state are left mid-run, so the runtime takes no more runs. The run
   * itself ends as a script's error does.
   */
  #trapped(error, out) {
    this.#failure = `${error.name}: ${error.message}`;
    const message = `RecursionError: the JavaScript engine stopped the run (${this.#failure})`;
    return { stdout: out[1].end(), stderr: `${out[2].end()}${message}\n`, exitCode: 1, error: message, stats: null,
      events: null, eventsDropped: 0, heap: null };
  }

  /** The runtime's in-memory file system: what open() in a script sees. */
  get fs() {
    const core = this.#alive();
    return {
      writeFile(path, data) {
        const dir = path.slice(0, path.lastIndexOf('/'));
        if (dir) mkdirs(core.FS, dir);
        core.FS.writeFile(path, data);
      },
      readFile(path, { encoding } = {}) {
        return core.FS.readFile(path, encoding ? { encoding } : {});
      },
      exists(path) {
        return core.FS.analyzePath(path).exists;
      },
      /** The working directory of the next run (made when missing). */
      chdir(path) {
        mkdirs(core.FS, path);
        core.FS.chdir(path);
      },
      /** Every regular file, path -> bytes (the system's /dev and /proc left out). */
      files() {
        const found = new Map();
        const walk = (dir) => {
          for (const name of core.FS.readdir(dir)) {
            if (name === '.' || name === '..') continue;
            const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
            if (path === '/dev' || path === '/proc') continue;
            const { mode } = core.FS.stat(path);
            if (core.FS.isDir(mode)) walk(path);
            else if (core.FS.isFile(mode)) found.set(path, core.FS.readFile(path));
          }
        };
        walk('/');
        return found;
      },
    };
  }

  /**
   * Runs code. Never throws for the script's own errors: they are in stderr, exitCode and error.
   * @returns {{stdout: string, stderr: string, exitCode: number, error: string|null, stats: object,
   *           events: object[]|null, eventsDropped: number}}
   */
  run(code, { filename = 'main.py', cwd = '/', events = false, eventLimit = 1000000, eventsAsText = false, heap = false, stdin = '',
    onStdout, onStderr } = {}) {
    const core = this.#alive();
    if (typeof cwd !== 'string' || !cwd.startsWith('/')) throw new TypeError('refscope: cwd must be an absolute path');
    mkdirs(core.FS, cwd);
    core.FS.chdir(cwd);
    if (typeof code !== 'string' && !(code instanceof Uint8Array)) {
      throw new TypeError('refscope: run(code) needs the code as a string or a Uint8Array');
    }
    if (typeof filename !== 'string' || !filename) throw new TypeError('refscope: filename must be a non-empty string');
    const mask = eventMask(events);
    const o = this.#options;
    const out = { 1: new Stream(onStdout), 2: new Stream(onStderr) };
    core.rsWrite = (stream, pointer, length) => out[stream === 2 ? 2 : 1].push(core.HEAPU8.slice(pointer, pointer + length));
    const [codePtr, codeLength] = cSource(core, code);
    const pointers = [codePtr, ...[filename, mask ? EVENTS_PATH : '', stdin].map((text) => cString(core, text))];
    const [, filePtr, eventsPtr, stdinPtr] = pointers;
    this.#busy = true;
    let result = 0;
    try {
      result = core._rsw_run(codePtr, codeLength, filePtr, models.indexOf(o.model), o.memoryLimit,
        o.recursionLimit, o.maxOpenFiles, o.youngSize, o.finalizerSlice, o.finalizerPeriod, o.stepLimit, eventsPtr, mask,
        eventLimit, stdinPtr, heap ? 1 : 0);
    } catch (error) {
      if (!(error instanceof RangeError || error instanceof WebAssembly.RuntimeError)) throw error;
      return this.#trapped(error, out);
    } finally {
      this.#busy = false;
      if (!this.#failure) for (const pointer of pointers) core._free(pointer);
      core.rsWrite = null;
    }
    if (!result) throw misuse('out of memory in the wasm heap');
    const error = core.UTF8ToString(core._rsw_result_error(result));
    const run = {
      stdout: out[1].end(),
      stderr: out[2].end(),
      exitCode: core._rsw_result_exit_code(result),
      error: error || null,
      stats: JSON.parse(core.UTF8ToString(core._rsw_result_stats(result))),
      events: null,
      eventsDropped: core._rsw_result_events_dropped(result),
      heap: heap ? JSON.parse(core.UTF8ToString(core._rsw_result_heap(result))) : null,
    };
    core._rsw_result_free(result);
    if (mask && core.FS.analyzePath(EVENTS_PATH).exists) {
      const text = core.FS.readFile(EVENTS_PATH, { encoding: 'utf8' });
      core.FS.unlink(EVENTS_PATH);
      run.events = eventsAsText ? text
        : text.split('\n').filter((line) => line && !line.startsWith('{"kind": "dropped"')).map((line) => JSON.parse(line));
    }
    return run;
  }

  /**
   * Runs the refscope command line (the native CLI's flags) inside this runtime, on its file system.
   * @returns {{stdout: string, stderr: string, exitCode: number}}
   */
  cli(args, { stdin = '', onStdout, onStderr } = {}) {
    const core = this.#alive();
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) throw new TypeError('refscope: cli(args) needs a list of strings');
    const stdio = new CliStdio({ stdin, onStdout, onStderr });
    Object.assign(this.#stdio, { input: () => stdio.input(), output: (fd, byte) => stdio.output(fd, byte) });
    const argv = ['refscope', ...args];
    const pointers = argv.map((a) => cString(core, a));
    const argvPtr = core._malloc(4 * (argv.length + 1));
    pointers.forEach((pointer, i) => core.HEAPU32.set([pointer], (argvPtr >> 2) + i));
    core.HEAPU32.set([0], (argvPtr >> 2) + argv.length);
    this.#busy = true;
    let exitCode;
    try {
      exitCode = core._rs_cli_main(argv.length, argvPtr);
      core._rsw_flush();
    } finally {
      this.#busy = false;
      for (const pointer of pointers) core._free(pointer);
      core._free(argvPtr);
    }
    return { ...stdio.end(), exitCode };
  }

  /** The same report as the CLI's --compare-json: the code run under each model, and what differs. */
  compare(code, modelList = models, { filename = 'main.py' } = {}) {
    if (typeof code !== 'string') throw new TypeError('refscope: compare(code) needs the code as a string');
    if (!Array.isArray(modelList) || modelList.length === 0) throw new TypeError('refscope: compare() needs a list of models');
    modelList.forEach(checkModel);
    const path = `/tmp/compare/${filename.replace(/^\/+/, '')}`;
    this.fs.writeFile(path, code);
    const o = this.#options;
    const args = ['--compare-json', modelList.join(',')];
    if (o.memoryLimit) args.push('--memory-limit', String(o.memoryLimit));
    if (o.recursionLimit) args.push('--recursion-limit', String(o.recursionLimit));
    if (o.maxOpenFiles) args.push('--max-open-files', String(o.maxOpenFiles));
    if (o.youngSize) args.push('--young-size', String(o.youngSize));
    if (o.finalizerSlice) args.push('--finalizer-slice', String(o.finalizerSlice));
    if (o.finalizerPeriod) args.push('--finalizer-period', String(o.finalizerPeriod));
    if (o.stepLimit) args.push('--step-limit', String(o.stepLimit));
    const { stdout, stderr, exitCode } = this.cli([...args, path]);
    if (!stdout.startsWith('{')) throw misuse(`compare failed (exit status ${exitCode}): ${stderr.trim()}`);
    return JSON.parse(stdout);
  }

  /** Frees the runtime's wasm instance. The runtime cannot be used afterwards. */
  dispose() {
    this.#core = null;
  }
}

/**
 * Creates a runtime.
 * @param {object} [options]
 * @param {string} [options.model='cpython'] how memory is reclaimed: cpython, jvm, clr or boehm
 * @param {number} [options.memoryLimit] bytes; MemoryError beyond (0: none)
 * @param {number} [options.recursionLimit] the initial sys.getrecursionlimit() (0: 1000)
 * @param {number} [options.maxOpenFiles] files open() may hold at once (0: 1024)
 * @param {number} [options.youngSize] host-GC models: bytes between young collections (0: 256 KiB)
 * @param {number} [options.finalizerSlice] host-GC models: finalizers per turn of the finalizer thread (-1: all)
 * @param {number} [options.finalizerPeriod] host-GC models: safe points between its turns
 * @param {number} [options.stepLimit] bytecode instructions a run may execute (0: no limit); beyond, the run stops
 *   with exitCode 1 and error "stopped at the step limit of N instructions"
 * @param {Object<string, string|Uint8Array>} [options.files] files to put in its in-memory file system
 */
export async function createRuntime(options = {}) {
  if (options === null || typeof options !== 'object') throw new TypeError('refscope: createRuntime(options) needs an object');
  const o = {
    model: checkModel(options.model ?? 'cpython'),
    memoryLimit: checkCount(options, 'memoryLimit'),
    recursionLimit: checkCount(options, 'recursionLimit'),
    maxOpenFiles: checkCount(options, 'maxOpenFiles'),
    youngSize: checkCount(options, 'youngSize'),
    finalizerSlice: checkCount(options, 'finalizerSlice', { allowMinusOne: true }),
    finalizerPeriod: checkCount(options, 'finalizerPeriod'),
    stepLimit: checkCount(options, 'stepLimit'),
  };
  const stdio = { input: () => null, output: () => {} };
  const core = await instantiateCore(stdio);
  const runtime = new Runtime(core, stdio, o);
  for (const [path, data] of Object.entries(options.files ?? {})) runtime.fs.writeFile(path, data);
  return runtime;
}

/** compare() on a runtime made for the purpose and disposed of afterwards. */
export async function compare(code, modelList = models, options = {}) {
  const runtime = await createRuntime(options);
  try {
    return runtime.compare(code, modelList, options);
  } finally {
    runtime.dispose();
  }
}
