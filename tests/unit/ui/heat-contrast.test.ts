import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heatShade } from '../../../renderer/src/features/analysis/analysisModel';
import { contrastRatio, parseHex } from '../../../shared/colour/contrast';
import type { Rgb } from '../../../shared/colour/contrast';

const css = readFileSync(join(import.meta.dirname, '../../../renderer/src/styles/tokens.css'), 'utf8');

describe('heat map contrast', () => {
  it('keeps every number readable (4.5:1) on its shade, in the colours tokens.css gives', () => {
    const token = (name: string) => parseHex(new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)![1]!)!;
    const [accent, surface, text, onAccent] = ['--c-accent', '--c-surface', '--c-text', '--c-text-on-accent'].map(token);
    for (let v = 1; v <= 100; v++) {
      const shade = heatShade(v, 100);
      // color-mix(in srgb, accent p%, surface)
      const mixed = accent!.map((c, i) => (c * shade.percent + surface![i]! * (100 - shade.percent)) / 100) as unknown as Rgb;
      expect(contrastRatio(shade.dark ? onAccent! : text!, mixed), `${v} of 100 at ${shade.percent} %`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
