import { setImmediate as nextTurn } from 'node:timers/promises';

export interface SliceOptions {
  /** Work done between two turns of the event loop, at most about this long (ms). */
  sliceMs?: number;
  /** Text handed on at once, about this many characters. */
  chunkChars?: number;
  /** Told how long each piece of uninterrupted work took (ms). */
  onSlice?: (ms: number) => void;
}

const indentLines = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);

/** Elements of a top-level list serialised in one call (a few hundred codings: well under a millisecond). */
const BATCH = 128;

/**
 * Elements of the top-level list `key`, as `JSON.stringify(…, null, 1)` writes them inside the
 * whole object (two levels deep), joined by ",\n": cut out of the serialisation of an object
 * holding just them, which indents them the same (no second pass over the text to indent it).
 */
function elementsAtDepthTwo(key: string, elements: unknown[]): string {
  const text = JSON.stringify({ [key]: elements }, null, 1);
  return text.slice(`{\n ${JSON.stringify(key)}: [\n`.length, -'\n ]\n}'.length);
}

/**
 * `JSON.stringify(value, null, 1)` of an object, byte for byte, handed out in chunks with the
 * event loop let through between slices of work: a coder file of 80,000 codings takes 40–55 ms
 * to stringify in one go, and a save in the background must never hold up a request that long.
 *
 * Only the object's top-level arrays are split (that is where a project's size is); their
 * elements must not change while this runs (the project's lists are never changed once read).
 */
export async function* slicedJson(value: Record<string, unknown>, options: SliceOptions = {}): AsyncGenerator<string> {
  // Chunks stay below V8's large-object size (128 KB): short-lived, they are cheap to collect.
  const { sliceMs = 4, chunkChars = 32 * 1024, onSlice } = options;
  let started = performance.now();
  let chunk = '';
  const pause = async () => {
    onSlice?.(performance.now() - started);
    await nextTurn();
    started = performance.now();
  };
  const fields = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  chunk += fields.length === 0 ? '{}' : '{\n';
  for (const [i, [key, field]] of fields.entries()) {
    chunk += ` ${JSON.stringify(key)}: `;
    if (Array.isArray(field) && field.length > 0) {
      chunk += '[\n';
      for (let n = 0; n < field.length; n += BATCH) {
        chunk += elementsAtDepthTwo(key, field.slice(n, n + BATCH));
        chunk += n + BATCH < field.length ? ',\n' : '\n';
        if (chunk.length >= chunkChars) {
          // Whoever takes the chunk writes it, letting the event loop through meanwhile.
          onSlice?.(performance.now() - started);
          yield chunk;
          chunk = '';
          started = performance.now();
        } else if (performance.now() - started >= sliceMs) {
          await pause();
        }
      }
      chunk += ' ]';
    } else {
      chunk += indentLines(JSON.stringify(field, null, 1), ' ');
    }
    chunk += i < fields.length - 1 ? ',\n' : '\n}';
  }
  onSlice?.(performance.now() - started);
  yield chunk;
}
