// Runs code in a Web Worker, one run at a time; stop() ends a run at once by terminating the worker.
export class Runner {
  #worker = null;
  #pending = null;
  #nextId = 1;

  #start() {
    this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    this.#worker.onmessage = ({ data }) => {
      const pending = this.#pending;
      if (!pending || data.id !== pending.id) return;
      if (data.type === 'progress') return pending.onProgress?.(data);
      this.#pending = null;
      if (data.type === 'result') pending.resolve(data);
      else pending.reject(new Error(data.message));
    };
    this.#worker.onerror = (event) => {
      const pending = this.#pending;
      this.#pending = null;
      pending?.reject(new Error(event.message || 'the worker failed'));
    };
  }

  get running() {
    return this.#pending !== null;
  }

  /** Resolves to {runs, report}; rejects when stopped or when the runtime fails. */
  run(code, models, { stepLimit = 0, onProgress } = {}) {
    if (this.#pending) this.stop();
    if (!this.#worker) this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending = { id, resolve, reject, onProgress };
      this.#worker.postMessage({ type: 'run', id, code, models, stepLimit });
    });
  }

  stop() {
    this.#worker?.terminate();
    this.#worker = null;
    const pending = this.#pending;
    this.#pending = null;
    pending?.reject(Object.assign(new Error('stopped'), { stopped: true }));
  }
}
