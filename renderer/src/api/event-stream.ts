/**
 * Reads server-sent events from a fetch response. EventSource would be simpler, but it cannot
 * send the access-token header, and the token must not travel in the URL or a cookie.
 */

export interface StreamedEvent {
  event: string;
  data: string;
}

/** Splits the stream's text into events as it arrives, whatever the chunk boundaries. */
export class EventStreamParser {
  private buffer = '';

  push(text: string): StreamedEvent[] {
    this.buffer += text;
    const events: StreamedEvent[] = [];
    let end: RegExpExecArray | null;
    const separator = /\r?\n\r?\n/g;
    let consumed = 0;
    while ((end = separator.exec(this.buffer)) !== null) {
      const block = this.buffer.slice(consumed, end.index);
      consumed = end.index + end[0].length;
      const event = parseBlock(block);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(consumed);
    return events;
  }
}

/** One event's lines; comments (": heartbeat") and blocks without data yield nothing. */
function parseBlock(block: string): StreamedEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, data: data.join('\n') };
}

/** Feeds every event of `body` to `onEvent` until the stream ends (or its fetch is aborted). */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: StreamedEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    for (const event of parser.push(decoder.decode(value, { stream: true }))) onEvent(event);
  }
}
