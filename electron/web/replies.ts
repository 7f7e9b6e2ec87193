import type { ServerResponse } from 'node:http';
import { toErrorShape } from '../../shared/api/errors';
import type { AppErrorCode, RpcReply } from '../../shared/api/errors';

/** How browser mode's server writes its answers: plain text for refusals, JSON envelopes for /rpc. */

export function failure(code: AppErrorCode, message: string): RpcReply<never> {
  return { ok: false, error: { code, message } };
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  send(res, status, 'text/plain; charset=utf-8', text);
}

export function sendJson(res: ServerResponse, status: number, body: RpcReply<unknown>): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (err) {
    text = JSON.stringify(failure('INTERNAL', `The reply could not be encoded: ${toErrorShape(err).message}`));
  }
  send(res, status, 'application/json; charset=utf-8', text);
}

/** Node leaves the body out by itself when the request was HEAD. */
function send(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function methodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendText(res, 405, 'Method not allowed.\n');
}

export function failHard(res: ServerResponse, err: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendText(res, 500, `Internal error: ${toErrorShape(err).message}\n`);
}
