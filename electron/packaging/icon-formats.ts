/**
 * The two icon containers, written from rendered images: Apple's ICNS (PNG entries) and
 * Windows' ICO (32-bit bitmaps up to 128 px, PNG at 256 px, as Windows' own tools write them;
 * installers built with NSIS read the bitmaps). Pure byte layout, no dependencies.
 */

export interface RenderedIcon {
  size: number;
  png: Uint8Array;
  /** RGBA, straight (not premultiplied) alpha, row by row from the top. */
  rgba: Uint8Array;
}

/** ICNS entry types holding PNG data, by pixel size (the @2x types reuse the larger image). */
const ICNS_TYPES: readonly (readonly [string, number])[] = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

function bySize(icons: readonly RenderedIcon[], size: number): RenderedIcon {
  const icon = icons.find((i) => i.size === size);
  if (!icon) throw new Error(`No ${size}×${size} rendering to put in the icon.`);
  return icon;
}

export function encodeIcns(icons: readonly RenderedIcon[]): Uint8Array {
  const entries = ICNS_TYPES.map(([type, size]) => ({ type, png: bySize(icons, size).png }));
  const total = 8 + entries.reduce((sum, e) => sum + 8 + e.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (text: string, at: number) => out.set(new TextEncoder().encode(text), at);
  ascii('icns', 0);
  view.setUint32(4, total);
  let at = 8;
  for (const { type, png } of entries) {
    ascii(type, at);
    view.setUint32(at + 4, 8 + png.length);
    out.set(png, at + 8);
    at += 8 + png.length;
  }
  return out;
}

/** A BITMAPINFOHEADER image: bottom-up BGRA, then the 1-bit mask (set where fully transparent). */
function icoBitmap({ size, rgba }: RenderedIcon): Uint8Array {
  const maskRow = Math.ceil(size / 32) * 4;
  const pixels = size * size * 4;
  const out = new Uint8Array(40 + pixels + maskRow * size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 40, true);
  view.setInt32(4, size, true);
  view.setInt32(8, size * 2, true); // colour rows + mask rows
  view.setUint16(12, 1, true);
  view.setUint16(14, 32, true);
  view.setUint32(20, pixels + maskRow * size, true);
  for (let y = 0; y < size; y++) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = 40 + (row * size + x) * 4;
      out[to] = rgba[from + 2]!;
      out[to + 1] = rgba[from + 1]!;
      out[to + 2] = rgba[from]!;
      out[to + 3] = rgba[from + 3]!;
      if (rgba[from + 3] === 0) out[40 + pixels + row * maskRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

export function encodeIco(icons: readonly RenderedIcon[]): Uint8Array {
  const images = ICO_SIZES.map((size) => {
    const icon = bySize(icons, size);
    return { size, data: size >= 256 ? icon.png : icoBitmap(icon) };
  });
  const headerBytes = 6 + 16 * images.length;
  const out = new Uint8Array(headerBytes + images.reduce((sum, i) => sum + i.data.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, images.length, true);
  let offset = headerBytes;
  images.forEach(({ size, data }, n) => {
    const entry = 6 + 16 * n;
    out[entry] = size >= 256 ? 0 : size; // 0 means 256
    out[entry + 1] = size >= 256 ? 0 : size;
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, data.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(data, offset);
    offset += data.length;
  });
  return out;
}
