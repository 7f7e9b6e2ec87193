/**
 * The icon set made from resources/icon.svg: PNGs of the right sizes, an ICNS whose entries
 * macOS reads, an ICO whose bitmaps are upright with straight alpha (as Windows and NSIS read
 * them). Read back byte by byte, on the real icon.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ICON_SOURCE } from '../../../electron/packaging/icon-files';
import { ICO_SIZES, encodeIco, encodeIcns } from '../../../electron/packaging/icon-formats';
import type { RenderedIcon } from '../../../electron/packaging/icon-formats';
import { renderIcon } from '../../../electron/packaging/make-icons';

const svg = readFileSync(fileURLToPath(new URL(`../../../${ICON_SOURCE}`, import.meta.url)), 'utf8');
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
let icons: RenderedIcon[];

beforeAll(async () => {
  icons = [];
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) icons.push(await renderIcon(svg, size));
}, 60_000);

describe('the app icon', () => {
  it('renders square PNGs of every size, transparent at the corners and the app’s teal inside', () => {
    for (const icon of icons) {
      expect([...icon.png.subarray(0, 4)]).toEqual(PNG_SIGNATURE);
      expect(icon.rgba.length).toBe(icon.size * icon.size * 4);
      expect(icon.rgba[3]).toBe(0); // top-left corner
    }
    const big = icons.find((i) => i.size === 256)!;
    // Near the tile's top edge, in the middle: the gradient's teal, opaque.
    const at = (Math.round(256 * 0.12) * 256 + 128) * 4;
    const [r, g, b, a] = big.rgba.subarray(at, at + 4);
    expect(a).toBe(255);
    for (const [got, want] of [[r, 0x13], [g, 0x73], [b, 0x6e]]) expect(Math.abs(got! - want!)).toBeLessThanOrEqual(3);
  });

  it('writes an ICNS with PNG entries from 16 to 1024 pixels', () => {
    const icns = Buffer.from(encodeIcns(icons));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.toString('ascii', at, at + 4));
      expect([...icns.subarray(at + 8, at + 12)]).toEqual(PNG_SIGNATURE);
    }
    expect(types).toEqual(['icp4', 'icp5', 'ic11', 'ic12', 'ic07', 'ic13', 'ic08', 'ic14', 'ic09', 'ic10']);
  });

  it('writes an ICO with bitmaps up to 128 px and a PNG at 256, pixels upright and unpremultiplied', () => {
    const ico = Buffer.from(encodeIco(icons));
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
    ICO_SIZES.forEach((size, n) => {
      const entry = 6 + 16 * n;
      expect(ico[entry]).toBe(size === 256 ? 0 : size);
      const offset = ico.readUInt32LE(entry + 12);
      const length = ico.readUInt32LE(entry + 8);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      if (size === 256) {
        expect([...ico.subarray(offset, offset + 4)]).toEqual(PNG_SIGNATURE);
        return;
      }
      expect(ico.readUInt32LE(offset)).toBe(40);
      expect(ico.readInt32LE(offset + 8)).toBe(size * 2);
      // The bitmap's last row is the image's first: compare a pixel of the middle column, top row.
      const icon = icons.find((i) => i.size === size)!;
      const x = size >> 1;
      const rgba = icon.rgba.subarray(x * 4, x * 4 + 4);
      const bgra = ico.subarray(offset + 40 + ((size - 1) * size + x) * 4, offset + 40 + ((size - 1) * size + x) * 4 + 4);
      expect([bgra[2], bgra[1], bgra[0], bgra[3]]).toEqual([...rgba]);
    });
  });
});
