import type { IncomingMessage } from 'node:http';

/** The body, or null once it passes `limit`; reading stops there instead of buffering the rest. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('The client closed the connection before sending the whole request.'));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    function cleanup(): void {
      req.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onError);
    }
    req.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onError);
  });
}
