// The package's files as they are, in a real browser (Debian's Chromium, driven by playwright-core): on a page
// and in a module Web Worker, served over HTTP as a site would serve them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { PACKAGE } from './helpers.js';
import { serve } from '../../tools/serve.js';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SCRIPT = 'import gc\nclass A:\n    def __del__(self):\n        print("finalized")\na = A()\na.me = a\ndel a\nprint("collected", gc.collect())\n';

const PAGES = {
  '/page.html': `<!doctype html><script type="module">
    import { createRuntime } from './index.js';
    const rt = await createRuntime({ model: 'cpython' });
    window.result = rt.run(${JSON.stringify(SCRIPT)}, { events: ['finalize'] });
  </script>`,
  '/worker.js': `import { createRuntime } from './index.js';
    const rt = await createRuntime({ model: 'jvm' });
    postMessage(rt.run(${JSON.stringify(SCRIPT)}));`,
  '/worker.html': `<!doctype html><script>
    const worker = new Worker('./worker.js', { type: 'module' });
    worker.onmessage = (event) => { window.result = event.data; };
    worker.onerror = (event) => { window.result = { error: String(event.message) }; };
  </script>`,
};

test('the package runs in a browser page and in a module worker', async () => {
  const server = await serve(PACKAGE, 0, PAGES);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const base = `http://127.0.0.1:${server.address().port}`;
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${base}/page.html`);
    const onPage = await page.waitForFunction(() => window.result, null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.deepEqual(errors, []);
    // CPython is the oracle for the cpython model
    assert.equal(onPage.stdout, spawnSync('python3', ['-c', SCRIPT], { encoding: 'utf8' }).stdout);
    assert.equal(onPage.exitCode, 0);
    assert.deepEqual(onPage.events.map((e) => e.kind), ['finalize_start', 'finalize_end']);
    await page.goto(`${base}/worker.html`);
    const inWorker = await page.waitForFunction(() => window.result, null, { timeout: 20000 }).then((h) => h.jsonValue());
    assert.equal(inWorker.error, null);
    assert.equal(inWorker.stdout, 'collected -2\n', 'jvm: gc.collect() returns -2, the finalizer thread has not run yet');
  } finally {
    await browser.close();
    server.close();
  }
});
