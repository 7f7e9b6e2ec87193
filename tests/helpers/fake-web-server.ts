/** A request the stand-in server received. */
export interface Seen {
  url: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

/**
 * A stand-in for browser mode's server, for the renderer's client: answers app.getState to the
 * right token (403 with the server's words otherwise), and streams on /events whatever `push` sends.
 */
export function fakeWebServer(token: string | null) {
  const seen: Seen[] = [];
  let push: (text: string) => void = () => {};
  const fetchImpl: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    seen.push({ url: String(input), headers, credentials: init?.credentials });
    if (headers.get('x-marginalia-token') !== token) {
      return new Response('Marginalia: access denied: this tab has no access token. Open the address printed in the terminal.', { status: 403 });
    }
    if (String(input).endsWith('/events')) {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (text) => controller.enqueue(new TextEncoder().encode(text));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
          push(': connected\n\n');
        },
      });
      return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }
    return Response.json({ ok: true, value: { coderName: 'Ana' } });
  };
  return { seen, fetchImpl, push: (text: string) => push(text) };
}
