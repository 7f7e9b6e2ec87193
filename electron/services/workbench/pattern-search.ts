import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { Span } from '../../../shared/text/spans';
import { settleWorkerOnce } from '../workers/settle-worker';

/**
 * Regular-expression search, made safe by a time limit rather than by judging patterns: no
 * static check catches every pattern that backtracks without end (`(a+)+$`, `(\w|\d)*x`), and a
 * check strict enough to try would refuse useful ones. So a pattern runs in a worker thread (its
 * own V8 isolate, with a small heap), never on the thread that serves the app, and the worker is
 * terminated once the limit passes (V8 stops a running regular expression when terminated).
 * Literal searches are escaped and run in linear time, so they run in place (retrieval.ts).
 */

export const PATTERN_TIME_LIMIT_MS = 3000;
const WORKER_HEAP_MB = 512;

// CommonJS source started with eval, not a worker module (workers/worker-modules.ts): the time
// limit is meant for the pattern, and a module run from source through tsx (browser mode, tests)
// takes seconds to start on a busy machine; this starts in milliseconds everywhere. It skips
// empty matches and stops at the limit, as findAll does, and replies with flat
// [start, end, start, end, …] arrays, one per text.
const workerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { source, flags, texts, limit } = workerData;
const pattern = new RegExp(source, flags);
let left = limit;
parentPort.postMessage(texts.map((text) => {
  const found = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && left > 0; m = pattern.exec(text)) {
    if (m[0].length === 0) { pattern.lastIndex++; continue; }
    found.push(m.index, m.index + m[0].length);
    left--;
  }
  return found;
}));
`;

function tooSlow(query: string, ms: number): AppError {
  return new AppError(
    'INVALID_INPUT',
    `The pattern “${query}” took too long (over ${ms / 1000} s) and was stopped: it probably tries too many ways to match, as a repeated group that itself repeats does ((a+)+). Simplify it, or search for plain text.`,
  );
}

/** Every match of a compiled pattern in each text, at most `limit` in all, found in a worker within `timeoutMs`. */
export function findInTexts(query: string, pattern: RegExp, texts: readonly string[], limit: number, timeoutMs = PATTERN_TIME_LIMIT_MS): Promise<Span[][]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(workerSource, {
        eval: true,
        name: 'pattern-search',
        workerData: { source: pattern.source, flags: pattern.flags, texts, limit },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
        execArgv: [],
        env: {},
      });
    } catch (err) {
      reject(new AppError('INTERNAL', `The pattern search did not start (${(err as Error).message}).`));
      return;
    }
    const settle = settleWorkerOnce(worker, timeoutMs, () => reject(tooSlow(query, timeoutMs)));
    const fail = (error: AppError) => settle(() => reject(error));
    worker.once('message', (reply: unknown) =>
      settle(() => {
        const ok = Array.isArray(reply) && reply.length === texts.length && reply.every((r) => Array.isArray(r) && r.every((n) => Number.isInteger(n)));
        if (!ok) return reject(new AppError('INTERNAL', 'The pattern search sent back results of the wrong shape.'));
        resolve((reply as number[][]).map((flat) => Array.from({ length: flat.length / 2 }, (_, i) => ({ start: flat[2 * i]!, end: flat[2 * i + 1]! }))));
      }),
    );
    worker.once('error', (err: Error & { code?: string }) =>
      fail(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('INVALID_INPUT', `The pattern “${query}” needed more than ${WORKER_HEAP_MB} MB to search and was stopped: simplify it.`)
          : new AppError('INVALID_INPUT', `The pattern “${query}” could not be searched for (${String(err.message).slice(0, 200)}).`),
      ),
    );
    worker.once('exit', (code) => fail(new AppError('INTERNAL', `The pattern search stopped unexpectedly (exit code ${code}).`)));
  });
}
