import type { Plugin } from 'vite';

/**
 * Vite plugin: the built page asks for these font files with its script (`<link rel="preload">`)
 * instead of once its first layout finds it needs them. The first screen's text is then laid out
 * and painted once, in its own face, rather than again as each face arrives (~0.1 s of layout
 * at a big project, on the path to the first screen: issue 16). Names are the files' names
 * without their hash, as @fontsource ships them.
 */
export function preloadFonts(names: readonly string[]): Plugin {
  return {
    name: 'marginalia-preload-fonts',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // Only a build has hashed files to name; the dev server fetches fonts as they are needed.
        const files = Object.keys(ctx.bundle ?? {}).filter((file) => names.some((name) => new RegExp(`(^|/)${name}-[\\w-]+\\.woff2$`).test(file)));
        return files.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `./${file}` },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
