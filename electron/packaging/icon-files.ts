/**
 * Where the icon set is generated (from resources/icon.svg by make-icons.ts) and which sizes
 * it has. Linux takes the PNGs by their `<n>x<n>.png` names, macOS the ICNS, Windows the ICO.
 */
export const ICON_SOURCE = 'resources/icon.svg';
export const ICON_DIR = 'out/icons';
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
export type IconSize = (typeof PNG_SIZES)[number];

export const pngName = (size: number): string => `${size}x${size}.png`;
