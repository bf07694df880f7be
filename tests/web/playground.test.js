// The playground in a real browser: Debian's Chromium, driven by playwright-core, on the built site (web/dist)
// served from 127.0.0.1. Screenshots go to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../tools/serve.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const BUILD = resolve(process.env.REFSCOPE_BUILD ?? join(ROOT, 'build'));
const SHOTS = join(BUILD, 'screenshots');
const MODELS = ['cpython', 'jvm', 'clr', 'boehm'];
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();

let server, browser, base;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(join(ROOT, 'web', 'dist'));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(url = base, viewport = { width: 1440, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForFunction(() => window.refscopePlayground);
  return { page, errors };
}

async function runAndWait(page, timeout = 120000) {
  await page.click('#run');
  await page.waitForFunction(() => !document.body.classList.contains('running'), null, { timeout });
}

const native = (model, example) =>
  spawnSync(join(BUILD, 'refscope'), ['--gc', model, join('examples', `${example}.py`)], { cwd: ROOT, encoding: 'utf8' }).stdout;

for (const example of EXAMPLES) {
  test(`example ${example} under every model gives the native outputs`, async () => {
    const { page, errors } = await openPage();
    await page.selectOption('#examples', example);
    assert.match(await page.textContent('#note'), /\w/, 'the example opens with its note');
    await runAndWait(page);
    assert.deepEqual(errors, []);
    for (const model of MODELS) {
      const output = await page.textContent(`.model[data-model="${model}"] .output`);
      assert.equal(output, native(model, example), `${model}'s output`);
    }
    const differences = await page.textContent('#differences');
    if (example === 'resource_loop') {
      assert.match(differences, /finalizers that ran under cpython never ran under jvm/);
      assert.match(differences, /objects were alive at once under jvm/);
    }
    if (example === 'files_unclosed') assert.match(differences, /open-file limit ran dry under jvm/);
    if (example === 'resource_with') assert.doesNotMatch(differences, /output differs/);
    if (example === 'resource_loop') await page.screenshot({ path: join(SHOTS, 'playground-resource-loop.png'), fullPage: true });
    await page.close();
  });
}

test('Stop ends an endless loop within a second, and the next run works', async () => {
  const { page } = await openPage();
  await page.evaluate(() => { window.refscopePlayground.editor.code = 'while True:\n    pass\n'; });
  await page.click('#run');
  await page.waitForTimeout(300);
  const stoppedAt = Date.now();
  await page.click('#stop');
  await page.waitForFunction(() => document.querySelector('#status').textContent === 'Stopped.', null, { timeout: 1000 });
  assert.ok(Date.now() - stoppedAt < 1000);
  await page.evaluate(() => { window.refscopePlayground.editor.code = 'print("after stop")\n'; });
  await runAndWait(page);
  assert.equal(await page.textContent('.model[data-model="cpython"] .output'), 'after stop\n');
  await page.close();
});

test('Ctrl+Enter runs, and an error marks its line in the editor', async () => {
  const { page } = await openPage();
  await page.evaluate(() => { window.refscopePlayground.editor.code = 'x = 1\ny = 2\nz = x / 0\nprint(z)\n'; });
  await page.click('.cm-content');
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => document.querySelector('.model') && !document.body.classList.contains('running'), null, { timeout: 60000 });
  const marked = await page.$$eval('.cm-line.cm-marked-error', (lines) => lines.map((l) => l.textContent));
  assert.deepEqual(marked, ['z = x / 0']);
  assert.match(await page.textContent('#status'), /An error at line 3/);
  await page.close();
});

test('a share link restores the code and the models', async () => {
  const { page } = await openPage();
  const code = 'print("shared é", 1 + 1)\n';
  await page.evaluate((c) => { window.refscopePlayground.editor.code = c; }, code);
  await page.uncheck('input[value="clr"]');
  await page.click('#share');
  const link = page.url();
  assert.match(link, /#code=.*&models=cpython,jvm,boehm$/);
  const { page: restored } = await openPage(link);
  assert.equal(await restored.evaluate(() => window.refscopePlayground.editor.code), code);
  assert.deepEqual(await restored.$$eval('.models input:checked', (boxes) => boxes.map((b) => b.value)), ['cpython', 'jvm', 'boehm']);
  await page.close();
  await restored.close();
});

test('the heap at the end: cycles, garbage not yet collected, what a traceback keeps', async () => {
  const { page, errors } = await openPage();
  const code = [
    'import sys',
    'class Node:',
    '    def __init__(self, name):',
    '        self.name = name',
    '        self.peer = None',
    'a, b = Node("a"), Node("b")',
    'a.peer, b.peer = b, a          # a cycle the globals reach',
    'c, d = Node("c"), Node("d")',
    'c.peer, d.peer = d, c',
    'del c, d                       # a cycle nothing reaches: garbage until a collection',
    'def fail():',
    '    big = Node("big")',
    '    raise ValueError("kept")',
    'try:',
    '    fail()',
    'except ValueError:',
    '    stored = sys.exc_info()[2]  # keeps fail\'s frame, and big',
    '',
  ].join('\n');
  await page.evaluate((c) => { window.refscopePlayground.editor.code = c; }, code);
  await runAndWait(page);
  const heap = page.locator('.model[data-model="cpython"] details.heap');
  assert.match(await heap.locator('summary').textContent(), /2 garbage not yet collected, 4 in cycles, \d+ kept by a traceback/);
  await heap.locator('summary').click();
  await page.waitForFunction(() => document.querySelector('.model[data-model="cpython"] .graph canvas'), null, { timeout: 10000 });
  await page.waitForTimeout(300);
  await heap.screenshot({ path: join(SHOTS, 'playground-heap-graph.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('dark theme and a phone-sized screen', async () => {
  const { page } = await openPage(base, { width: 390, height: 844 });
  await page.click('#theme');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.selectOption('#examples', 'cycle_del');
  await runAndWait(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`);
  await page.screenshot({ path: join(SHOTS, 'playground-phone-dark.png'), fullPage: true });
  await page.close();
});
