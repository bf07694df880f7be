// The packed package installs into a fresh project with no network, and works there: the API and the bin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE } from './helpers.js';

const npm = (args, cwd) => execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });

test('npm pack, then npm install --offline of the tarball, then a script through it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'refscope-install-'));
  try {
    const tarball = npm(['pack', '--pack-destination', dir, PACKAGE], dir).trim().split('\n').at(-1);
    const project = join(dir, 'project');
    execFileSync('mkdir', [project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'try-refscope', private: true, type: 'module' }));
    npm(['install', join(dir, tarball)], project);
    writeFileSync(join(project, 'main.js'), [
      "import { createRuntime } from 'refscope';",
      "const rt = await createRuntime({ model: 'jvm' });",
      "const r = rt.run('import gc\\nprint(gc.collect())');",
      'console.log(r.stdout.trim(), r.exitCode);',
    ].join('\n'));
    assert.equal(execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' }), '-2 0\n');
    const viaBin = execFileSync(join(project, 'node_modules', '.bin', 'refscope'), ['-c', 'print(6 * 7)'], { cwd: project, encoding: 'utf8' });
    assert.equal(viaBin, '42\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
