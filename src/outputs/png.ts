/**
 * SVG → PNG with resvg (Rust, shipped prebuilt in its npm package: no native build), for slides
 * and documents that do not take SVG. Text uses the system fonts (DejaVu on Debian); the same
 * SVG and fonts give the same bytes.
 */
import { Resvg } from '@resvg/resvg-js';

/** A PNG of an SVG at `scale` × its size (2 = sharp on a projector or a high-density screen). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
