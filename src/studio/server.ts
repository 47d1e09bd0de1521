/**
 * Serves the studio from memory on the loopback interface with node:http (GET and HEAD only; the
 * simulation runs in the browser, the server only hands out files), or writes the same files to
 * a folder for static hosting.
 */
import { writeFileIn } from '../files/folder.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StudioFiles } from './bundle.js';

export interface Running {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

export function serveStudio(files: StudioFiles, port = 0, host = '127.0.0.1'): Promise<Running> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = files.get(path === '/' ? '/index.html' : path);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !file) {
      res.writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' }).end(file ? 'method not allowed' : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({ url: `http://${host}:${actual}/`, server, close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }) });
    });
  });
}

/** Writes the studio as static files into `dir` (index.html at the top), each aside and renamed into place, never through a link (files/folder.ts). */
export async function writeStudio(files: StudioFiles, dir: string): Promise<void> {
  for (const [path, file] of files) writeFileIn(dir, path.replace(/^\//, ''), file.body);
}
