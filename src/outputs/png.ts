/**
 * SVG → PNG with resvg (Rust, shipped prebuilt in its npm package: no native build), for slides
 * and documents that do not take SVG. Text is set in DejaVu Sans (the charts' first font) when
 * its files are where Debian puts them, else in whatever the system has; the same SVG and fonts
 * give the same bytes.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

// The native renderer loads on first use: commands that draw nothing never load it.
let resvg: typeof import('@resvg/resvg-js') | undefined;
const lib = () => (resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js'));

const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `/usr/share/fonts/truetype/dejavu/${f}`);

let fonts: ResvgRenderOptions['font'] | undefined;
/** Loading two font files takes milliseconds; scanning every system font (Chromium brings many) takes a good fraction of a second per chart. */
function fontOptions(): ResvgRenderOptions['font'] {
  if (fonts) return fonts;
  const files = DEJAVU.filter((f) => existsSync(f));
  fonts = files.length === DEJAVU.length
    ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' }
    : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' };
  return fonts;
}

const options = (scale: number): ResvgRenderOptions => ({ fitTo: { mode: 'zoom', value: scale }, background: 'white', font: fontOptions() });

/** A PNG of an SVG at `scale` × its size (2 = sharp on a projector or a high-density screen). */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new (lib().Resvg)(svg, options(scale)).render().asPng();
}

/** The same, rendered on libuv's thread pool: the next chart's SVG can be drawn meanwhile. */
export async function svgToPngAsync(svg: string, scale = 2): Promise<Buffer> {
  return (await lib().renderAsync(svg, options(scale))).asPng();
}
