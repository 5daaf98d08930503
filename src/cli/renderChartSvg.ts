import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { VegaLiteSpec } from "../report/VegaLiteSpec.js";

/**
 * Options of {@link renderChartSvg}.
 *
 * @example
 * ```ts
 * const options: RenderChartOptions = { embedded: true, idPrefix: "tiers" };
 * ```
 */
export interface RenderChartOptions {
  /**
   * Whether the SVG goes inside an HTML page: its `xmlns` declarations are left out (the HTML parser puts an
   * `<svg>` element in the SVG namespace itself), so the page names no URL at all. Default false: a standalone
   * SVG document.
   */
  embedded?: boolean | undefined;
  /**
   * The prefix of the element ids in the SVG (gradients, clip paths), numbered from 0 in document order; default
   * `chart`. Give each chart of one page its own prefix, so one chart's `url(#…)` never points into another.
   */
  idPrefix?: string | undefined;
}

/**
 * Renders a Vega-Lite spec to an SVG string in Node: vega-lite compiles it to a Vega spec, a headless vega `View`
 * (renderer `none`: no canvas, no DOM) lays it out and writes the SVG. The output is deterministic: vega numbers
 * gradients and clip paths with a counter shared by every view of the process, so the ids are renumbered per
 * document (see `idPrefix`). Without a canvas, vega estimates a text's width as 0.8 em per character, too narrow
 * for Chinese (a character is about 1 em wide): the estimate is widened for CJK and other full-width characters,
 * so Chinese legends and titles are not cut off at the edge of the SVG.
 *
 * @param spec - The spec, data inlined (the core's chart builders, e.g. `tierDistributionChart`).
 * @param options - Standalone or embedded, and the id prefix.
 * @returns The SVG markup.
 * @throws {Error} when vega-lite or vega cannot compile or run the spec.
 *
 * @example
 * ```ts
 * const svg = await renderChartSvg(tierDistributionChart(tiers, { currency: "CNY" }), { embedded: true });
 * svg.startsWith("<svg"); // => true
 * ```
 */
export async function renderChartSvg(spec: VegaLiteSpec, options: RenderChartOptions = {}): Promise<string> {
  estimateWideCharacters();
  const view = new vega.View(vega.parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
  try {
    const svg = renumberIds(await view.toSVG(), options.idPrefix ?? "chart");
    return options.embedded === true ? svg.replace(/ xmlns(?::\w+)?="[^"]*"/g, "") : svg;
  } finally {
    view.finalize();
  }
}

/** The part of vega's text measurement that {@link estimateWideCharacters} replaces. */
interface TextMetrics {
  width: (item: TextItem, text?: unknown) => number;
  estimateWidth: (item: TextItem, text?: unknown) => number;
}

/** The properties of a text mark item that its width depends on. */
interface TextItem {
  fontSize?: number | null;
  limit?: number;
}

/** CJK ideographs and punctuation, kana, Hangul, full-width forms: the characters about 1 em wide. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/**
 * Replaces vega's canvas-less text width estimate (0.8 em per character) with one that adds 0.25 em per wide
 * character, capped at the item's `limit` as vega's own estimate of a truncated text is. Vega supports such a
 * replacement (its truncation then measures with it). Done once, and only while vega estimates: with the
 * `canvas` package installed vega measures text, and is left alone.
 */
function estimateWideCharacters(): void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  if (metrics.width !== metrics.estimateWidth) return;
  metrics.width = (item, text) => {
    const value = text == null ? "" : String(text).trim();
    const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
    const wide = value.match(WIDE)?.length ?? 0;
    const width = Math.trunc((0.8 * value.length + 0.25 * wide) * size);
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

/** The SVG with each element id replaced by `prefix-N` (N from 0 in document order), and every reference to it. */
function renumberIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/ id="([^"]+)"/g)) {
    const id = match[1] as string;
    if (!ids.has(id)) ids.set(id, `${prefix}-${ids.size}`);
  }
  if (ids.size === 0) return svg;
  return svg.replace(/( id="|url\(#|href="#)([^")]+)/g, (whole, opening: string, id: string) => {
    const renamed = ids.get(id);
    return renamed === undefined ? whole : opening + renamed;
  });
}
