// Types for the refscope package (index.js).

/** How memory is reclaimed: CPython's reference counting and cycle collector, or a host GC's tracing. */
export type Model = 'cpython' | 'jvm' | 'clr' | 'boehm';
export declare const models: readonly Model[];

export type EventKind = 'alloc' | 'free' | 'finalize' | 'gc' | 'weakref' | 'file';

export interface RuntimeOptions {
  /** Default 'cpython'. */
  model?: Model;
  /** Bytes; MemoryError beyond. 0: no limit. */
  memoryLimit?: number;
  /** The initial sys.getrecursionlimit(); 0: 1000. */
  recursionLimit?: number;
  /** Files open() may hold at once (OSError 24 beyond); 0: 1024. */
  maxOpenFiles?: number;
  /** Bytecode instructions a run may execute; beyond, the run stops (exitCode 1, error says so). 0: no limit. */
  stepLimit?: number;
  /** Host-GC models: objects allocated between young collections; 0: 2048. */
  youngSize?: number;
  /** Host-GC models: finalizers the finalizer thread runs per turn (-1: all pending); 0: the model's default. */
  finalizerSlice?: number;
  /** Host-GC models: safe points between the finalizer thread's turns; 0: the model's default. */
  finalizerPeriod?: number;
  /** Files put in the runtime's in-memory file system: absolute path -> contents. */
  files?: Record<string, string | Uint8Array>;
}

export interface RunOptions {
  /** The script's name in tracebacks and __file__; default 'main.py'. */
  filename?: string;
  /** The working directory (absolute; made when missing); default '/'. */
  cwd?: string;
  /** Record events: true for all kinds, or a list of kinds. */
  events?: boolean | EventKind[];
  /** Events kept at most (the rest are counted in eventsDropped); default 1,000,000. */
  eventLimit?: number;
  /** Give events as the JSON-lines text `--trace` writes, unparsed (cheaper for millions of events). */
  eventsAsText?: boolean;
  /** What input() reads. */
  stdin?: string;
  /** Take the heap's graph when the program ends (result.heap). */
  heap?: boolean;
  /** Called with output as it is written (the result still holds all of it). */
  onStdout?: (text: string) => void;
  onStderr?: (text: string) => void;
}

/** One memory event, as `refscope --trace` writes it (JSON lines). */
export interface MemoryEvent {
  kind: 'alloc' | 'free' | 'finalize_start' | 'finalize_end' | 'gc_start' | 'gc_stop' | 'weakref_callback' | 'file_open' | 'file_close';
  /** Bytecode instructions executed so far (deterministic). */
  clock: number;
  file: string;
  line: number;
  type?: string;
  /** The object's allocation ordinal in this run. */
  serial?: number;
  size?: number;
  cause?: 'refcount' | 'collection' | 'shutdown';
  resurrected?: boolean;
  generation?: number;
  counts?: [number, number, number];
  collected?: number;
  pause_seconds?: number;
}

/** The memory manager's statistics (docs/stats.schema.json in the repository). */
export interface Stats {
  generations: { collections: number; collected: number; uncollectable: number }[];
  objects: Record<string, number>;
  bytes: Record<string, number>;
  finalizers_run: number;
  resurrections: number;
  weakref_callbacks: number;
  collection_seconds: number;
  longest_pause_seconds: number;
  files: Record<string, number>;
  instructions: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  /** As the native CLI's: 0, 1 after an uncaught exception, SystemExit's status, 130 after KeyboardInterrupt. */
  exitCode: number;
  /** "ValueError: message" for an uncaught exception, the step-limit message, or null. */
  error: string | null;
  stats: Stats;
  events: MemoryEvent[] | string | null;
  /** With { heap: true }: what the globals reach and the garbage no collection has found yet. */
  heap: HeapGraph | null;
  eventsDropped: number;
}

export interface HeapGraph {
  nodes: { id: number; type: string; label: string; refcount: number; garbage: boolean; finalizer: boolean; name?: string }[];
  edges: { from: number; to: number; label: string }[];
  truncated: boolean;
}

/** The same report as `refscope --compare-json`. */
export interface CompareReport {
  runs: { model: Model; exit_status: number; stdout: string; stderr: string; stats: Stats }[];
  finalizer_differences: {
    serial: number;
    ordinal: number;
    type: string;
    model: Model;
    line: number;
    clock: number;
    other_line: number | null;
    other_clock: number | null;
  }[];
}

export interface RuntimeFiles {
  writeFile(path: string, data: string | Uint8Array): void;
  readFile(path: string): Uint8Array;
  readFile(path: string, options: { encoding: 'utf8' }): string;
  exists(path: string): boolean;
  chdir(path: string): void;
  files(): Map<string, Uint8Array>;
}

export declare class Runtime {
  private constructor();
  /** The runtime's in-memory file system. */
  readonly fs: RuntimeFiles;
  /** Runs code in a fresh interpreter state; never throws for the script's own errors. */
  /** code: the program's text, or a file's bytes (a source that is not UTF-8 is then a SyntaxError, as python3's). */
  run(code: string | Uint8Array, options?: RunOptions): RunResult;
  /** Runs under each model and reports what differs. */
  compare(code: string, models?: Model[], options?: { filename?: string }): CompareReport;
  /** The refscope command line (the native CLI's flags) on this runtime's file system. */
  cli(args: string[], options?: { stdin?: string; onStdout?: (text: string) => void; onStderr?: (text: string) => void }): {
    stdout: string;
    stderr: string;
    exitCode: number;
  };
  /** Frees the runtime; using it afterwards throws. */
  dispose(): void;
}

export declare function createRuntime(options?: RuntimeOptions): Promise<Runtime>;
export declare function compare(code: string, models?: Model[], options?: RuntimeOptions & { filename?: string }): Promise<CompareReport>;
