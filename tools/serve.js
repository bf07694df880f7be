#!/usr/bin/env node
// A static file server for a built site (the playground, the tests): 127.0.0.1 only, the right MIME types for
// ES modules and WebAssembly. Usage: serve.js DIR [PORT]; as a module: serve(dir, port, pages) resolves to the
// server (pages: extra files held in memory, path -> contents, served before the directory's).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.py': 'text/plain; charset=utf-8',
};

export function serve(dir, port = 0, pages = {}) {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    let path = normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(root, path);
    if (!file.startsWith(root)) return response.writeHead(403).end();
    try {
      const body = pages[path] ?? (await readFile(file));
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = '.', port = '8000'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`serving ${resolve(dir)} on http://127.0.0.1:${server.address().port}/`);
}
