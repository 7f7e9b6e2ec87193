import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Browser mode's server, built (out/main/web.js, as `npm run web` runs it), on the benchmark
 * project, for the steps that measure it: the browser step and the export's backend wait.
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOKEN = 'marginalia-bench-token-0123456789abcdef';
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function vmPeakMb(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    return round(Number(/VmHWM:\s+(\d+)/.exec(text)?.[1]) / 1024);
  } catch {
    return null;
  }
}

export async function startServer(config: { project: string; work: string }, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      'out/main/web.js', '--no-open', '--port', '0', '--data-dir', join(config.work, 'web-data'), '--project', config.project],
    {
      cwd: repoRoot,
      env: { ...process.env, MARGINALIA_TOKEN: TOKEN, MARGINALIA_DOCUMENTS_DIR: join(config.work, 'web-documents') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start within 60 s:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Marginalia is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w.~-]+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${stderr}`));
    });
  });
  if (/Could not open the project/.test(stderr)) throw new Error(stderr);
  return { child, url };
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

export async function rpc(origin: string, channel: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${origin}/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Marginalia-Token': TOKEN },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
  return reply.value;
}

