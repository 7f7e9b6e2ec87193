import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { ICON_DIR, ICON_SOURCE, PNG_SIZES, pngName } from './icon-files';
import { encodeIcns, encodeIco } from './icon-formats';
import type { RenderedIcon } from './icon-formats';

/**
 * resources/icon.svg → out/icons/: a PNG per size, icon.icns and icon.ico. resvg runs as
 * WebAssembly from its npm package, so the same pixels come out on every build host with no
 * native tool and no download.
 */

let ready: Promise<void> | null = null;

function initRenderer(): Promise<void> {
  ready ??= readFile(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')).then((wasm) => initWasm(wasm));
  return ready;
}

/** resvg hands out premultiplied RGBA; bitmaps in an ICO are straight. */
function straightAlpha(premultiplied: Uint8Array): Uint8Array {
  const out = new Uint8Array(premultiplied);
  for (let i = 0; i < out.length; i += 4) {
    const alpha = out[i + 3]!;
    if (alpha === 0 || alpha === 255) continue;
    for (let c = i; c < i + 3; c++) out[c] = Math.min(255, Math.round((out[c]! * 255) / alpha));
  }
  return out;
}

export async function renderIcon(svg: string, size: number): Promise<RenderedIcon> {
  await initRenderer();
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  try {
    if (image.width !== size || image.height !== size) throw new Error(`${ICON_SOURCE} is not square: it rendered ${image.width}×${image.height}.`);
    return { size, png: image.asPng(), rgba: straightAlpha(image.pixels) };
  } finally {
    image.free();
  }
}

export async function makeIcons(root: string): Promise<string> {
  const svg = await readFile(join(root, ICON_SOURCE), 'utf8');
  const out = join(root, ICON_DIR);
  await mkdir(out, { recursive: true });
  const icons: RenderedIcon[] = [];
  for (const size of PNG_SIZES) {
    const icon = await renderIcon(svg, size);
    icons.push(icon);
    await writeFile(join(out, pngName(size)), icon.png);
  }
  await writeFile(join(out, 'icon.icns'), encodeIcns(icons));
  await writeFile(join(out, 'icon.ico'), encodeIco(icons));
  return out;
}
