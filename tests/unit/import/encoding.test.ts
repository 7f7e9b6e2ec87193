import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/services/import/encoding';
import { normaliseText } from '../../../shared/text/normalise';
import { garbage, reasonOf } from './zip-helpers';

const content = 'Facilitator: “Café” — naïve, isn’t it?\nP1: Yes… 100 € please.\n';

/** Windows-1252, written out by hand (independent of the decoder under test). */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '…': 0x85, '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97 };
  return new Uint8Array([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  return new Uint8Array(le.swap16());
};
const withPrefix = (prefix: number[], bytes: Uint8Array) => new Uint8Array([...prefix, ...bytes]);
const decode = (bytes: Uint8Array, name = 'interview.txt') => decodeText({ name, bytes });

describe('decodeText', () => {
  const crlf = content.replace(/\n/g, '\r\n');
  const cr = content.replace(/\n/g, '\r');
  const cases: [string, Uint8Array, string][] = [
    ['utf-8', utf8(content), 'utf-8'],
    ['utf-8 with BOM', withPrefix([0xef, 0xbb, 0xbf], utf8(content)), 'utf-8-bom'],
    ['utf-16le with BOM', withPrefix([0xff, 0xfe], utf16le(content)), 'utf-16le'],
    ['utf-16be with BOM', withPrefix([0xfe, 0xff], utf16be(content)), 'utf-16be'],
    ['utf-16le without BOM', utf16le(content), 'utf-16le'],
    ['utf-16be without BOM', utf16be(content), 'utf-16be'],
    ['windows-1252', cp1252(content), 'windows-1252'],
    ['utf-8, CRLF', utf8(crlf), 'utf-8'],
    ['utf-8, CR', utf8(cr), 'utf-8'],
    ['windows-1252, CRLF', cp1252(crlf), 'windows-1252'],
    ['utf-16le with BOM, CRLF', withPrefix([0xff, 0xfe], utf16le(crlf)), 'utf-16le'],
  ];

  it.each(cases)('%s gives the same normalised text', (_label, bytes, encoding) => {
    const decoded = decode(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(normaliseText(decoded.text)).toBe(content);
  });

  it('decodes every Windows-1252 punctuation mark, not as Latin-1 control codes', () => {
    const bytes = new Uint8Array([0x80, 0x82, 0x84, 0x85, 0x8a, 0x8c, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0x20, 0xe9, 0xfc]);
    expect(decode(bytes)).toEqual({ text: '€‚„…ŠŒ‘’“”–—™Ÿ éü', encoding: 'windows-1252' });
  });

  it('composes decomposed accents only when normalised (decodeText returns the raw text)', () => {
    const decoded = decode(utf8('Cafe\u0301'));
    expect(decoded.text).toBe('Cafe\u0301');
    expect(normaliseText(decoded.text)).toBe('Caf\u00e9');
  });

  it('refuses empty and whitespace-only files', async () => {
    expect(await reasonOf(() => decode(new Uint8Array()))).toBe('is empty');
    expect(await reasonOf(() => decode(utf8(' \r\n\t\n  ')))).toBe('is empty');
    expect(await reasonOf(() => decode(withPrefix([0xef, 0xbb, 0xbf], utf8('\n'))))).toBe('is empty');
    expect(await reasonOf(() => decode(withPrefix([0xff, 0xfe], utf16le('  \r\n'))))).toBe('is empty');
  });

  it('refuses binary files: NULs in 8-bit text, garbage, many control characters', async () => {
    const notText = 'is not a text file: it contains binary data (is the extension right?)';
    expect(await reasonOf(() => decode(garbage(4096)))).toBe(notText);
    expect(await reasonOf(() => decode(new Uint8Array([...utf8('Facilitator: hello'), 0, 0, 0, ...utf8('P1: hi'), 0])))).toBe(notText);
    const controls = utf8(`${'\u0001\u0002\u0003\u0004'.repeat(10)}${'plain words '.repeat(50)}`);
    expect(await reasonOf(() => decode(controls))).toBe(notText);
    // A stray form feed or a DOS end-of-file marker is still text.
    expect(decode(utf8('Page one\fPage two\u001a')).encoding).toBe('utf-8');
  });

  it('refuses malformed UTF-16 and UTF-8 that claims to be UTF-8', async () => {
    const loneSurrogate = withPrefix([0xff, 0xfe], new Uint8Array([0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]));
    expect(await reasonOf(() => decode(loneSurrogate))).toBe('is damaged UTF-16 text (little-endian): save it again as UTF-8 and import it');
    const badUtf8 = withPrefix([0xef, 0xbb, 0xbf], new Uint8Array([0x41, 0xc3, 0x28]));
    expect(await reasonOf(() => decode(badUtf8))).toBe('is marked as UTF-8 but is not valid UTF-8: save it again as UTF-8 and import it');
    expect(await reasonOf(() => decode(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).toBe(
      'is UTF-32 text, which Marginalia does not read: save it as UTF-8 and import it',
    );
  });
});

describe('decodeText with an encoding the user chose', () => {
  it('reads the bytes as chosen: Windows-1252 text that detection would take for something else', () => {
    // Valid UTF-8 that is really Windows-1252 ("Ã©" in the author's editor): detection says UTF-8.
    const bytes = cp1252('CafÃ© owner: Ã©tÃ©');
    expect(decode(bytes).text).toBe('Café owner: été');
    expect(decodeText({ name: 'interview.txt', bytes }, 'windows-1252')).toEqual({ text: 'CafÃ© owner: Ã©tÃ©', encoding: 'windows-1252' });
  });

  it.each([
    ['utf-8', withPrefix([0xef, 0xbb, 0xbf], utf8(content))],
    ['utf-16le', withPrefix([0xff, 0xfe], utf16le(content))],
    ['utf-16be', utf16be(content)],
  ] as const)('drops the byte-order mark of the chosen %s', (encoding, bytes) => {
    expect(decodeText({ name: 'interview.txt', bytes }, encoding)).toEqual({ text: content, encoding });
  });

  it('says which file and which encoding when the bytes are not valid in it', () => {
    expect(() => decodeText({ name: 'ID3.txt', bytes: cp1252(content) }, 'utf-8')).toThrow(
      'ID3.txt: cannot be read as UTF-8: it holds bytes that are not valid in that encoding. Choose another encoding',
    );
    // An odd number of bytes cannot be UTF-16.
    expect(() => decodeText({ name: 'ID3.txt', bytes: utf8('abc') }, 'utf-16le')).toThrow('ID3.txt: cannot be read as UTF-16 (little-endian)');
  });
});
