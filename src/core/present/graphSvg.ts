// The graph view as a standalone SVG, worth sharing: a title and the framework, a legend, the
// bands whole, the edges routed as the panel routes them (band-skipping and row edges bend, see
// edgeRouting.ts) with their heads at the dot's rim, and the names placed as the panel places
// them (labelPlacement.ts: none covers another name or dot). Names come from notes, so every
// piece of text is escaped, and nothing from a note lands in an attribute.
import stringWidth from 'string-width';
import { xmlText } from './untrustedText';
import { VERDICT_VALUES, type VerdictValue } from '../vocabulary/model';
import { verdictTitle } from '../vocabulary/labels';
import { printColours } from './colours';
import { controlPoint, edgeCurvature, RowIndex } from '../graph/edgeRouting';
import type { GraphModel } from './graphModel';
import { placeLabels, type Disc, type LabelCandidate } from '../graph/labelPlacement';

/** The dots' colours: the verdicts' theme colours as the light theme draws them (present/colours.ts). */
export const VERDICT_FILL: Record<VerdictValue, string> = {
  positive: printColours('positive').stroke,
  negative: printColours('negative').stroke,
  mixed: printColours('mixed').stroke,
  'not-assessed': printColours('not-assessed').stroke,
};

/** Text in the SVG: the one XML escaper (control, bidi and zero-width characters shown, entities). */
export const escapeXml = xmlText;

const FONT_SIZE = 12;
const RADIUS = 7;
/** The pixels between two bands' centres, and about the widest a row's spacing gets. */
const BAND_PITCH = 120;
const TARGET_WIDTH = 1400;

export interface SvgOptions {
  /**
   * For the HTML export (graphHtml.ts): no XML declaration, no tooltips (its hover card says
   * more), and each protocol and edge numbered by its protocols' places in `model.nodes`, so the
   * page's script finds them without anything from a note in an attribute.
   */
  inHtml?: boolean;
}

export function graphViewToSvg(model: GraphModel, options: SvgOptions = {}): string {
  const inHtml = options.inHtml === true;
  const margin = { left: 150, right: 60, top: 78, bottom: 24 };
  const pitch = model.bands.length > 1 ? model.bands[1].y - model.bands[0].y : 30;
  const scaleY = BAND_PITCH / (pitch || 30);
  const scaleX = model.width > 0 ? Math.min(scaleY * 1.2, Math.max(2, TARGET_WIDTH / model.width)) : scaleY;
  const gap = model.bands.length > 1 ? model.bands[1].y - model.bands[1].height / 2 - (model.bands[0].y + model.bands[0].height / 2) : 20;
  // The frame is the bands with their share of the gaps, not the layout's height: the top band
  // reaches above it, and was cut off.
  const top = Math.max(model.height, ...model.bands.map((band) => band.y + band.height / 2 + gap / 2));
  const bottom = Math.min(0, ...model.bands.map((band) => band.y - band.height / 2 - gap / 2));
  // Whole pixels, so a PNG drawn at 2× is exactly twice the SVG's size.
  const width = Math.ceil(Math.max(model.width * scaleX, 360) + margin.left + margin.right);
  const height = Math.ceil((top - bottom) * scaleY + margin.top + margin.bottom);
  // Layout y grows upwards; SVG y grows downwards.
  const sx = (x: number): number => round(margin.left + x * scaleX);
  const sy = (y: number): number => round(margin.top + (top - y) * scaleY);
  const title = graphViewTitle(model);
  const lines: string[] = [
    ...(inHtml ? [] : ['<?xml version="1.0" encoding="UTF-8"?>']),
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    ...(inHtml ? [] : [`  <title>${escapeXml(title)}</title>`]),
    '  <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#757575"/></marker></defs>',
    `  <rect width="100%" height="100%" fill="#ffffff"/>`,
    `  <text class="title" x="12" y="24" font-size="15" font-weight="600" fill="#212121">${escapeXml(title)}</text>`,
  ];
  // The legend: what the colours mean, and the ring.
  let x = 12;
  lines.push('  <g class="legend">');
  for (const value of VERDICT_VALUES) {
    lines.push(`    <circle cx="${x + 6}" cy="46" r="6" fill="${VERDICT_FILL[value]}"/><text x="${x + 16}" y="50" font-size="${FONT_SIZE}" fill="#212121">${verdictTitle(value)}</text>`);
    x += 28 + textWidth(verdictTitle(value));
  }
  lines.push(`    <circle cx="${x + 6}" cy="46" r="6" fill="#ffffff" stroke="#212121" stroke-width="2"/><text x="${x + 16}" y="50" font-size="${FONT_SIZE}" fill="#212121">your override</text>`);
  lines.push(`    <text x="${x + 28 + textWidth('your override')}" y="50" font-size="${FONT_SIZE}" fill="#616161">arrows point to what a protocol depends on</text>`);
  lines.push('  </g>');
  model.bands.forEach((band, i) => {
    const bandTop = sy(band.y + band.height / 2 + gap / 2);
    const bandBottom = sy(band.y - band.height / 2 - gap / 2);
    lines.push(`  <rect class="band" x="0" y="${bandTop}" width="${width}" height="${round(bandBottom - bandTop)}" fill="${i % 2 ? '#f2f2f2' : '#fafafa'}"/>`);
    lines.push(`  <text class="band-label" x="12" y="${round(bandTop + 20)}" font-size="13" font-weight="600" fill="#616161">${escapeXml(`${band.label.toUpperCase()} · ${band.count}`)}</text>`);
  });
  const at = new Map(model.nodes.map((node) => [node.id, node]));
  const place = new Map(model.nodes.map((node, i) => [node.id, i]));
  const edgeEnds = (source: string, target: string): string => (inHtml ? ` data-s="${place.get(source)}" data-t="${place.get(target)}"` : '');
  const rows = new RowIndex(model.nodes);
  // Where the arrowheads are: names keep off them as they keep off dots.
  const heads: Array<{ x: number; y: number; width: number; height: number }> = [];
  const bandOrder = model.bands.map((band) => band.layer);
  for (const edge of model.edges) {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    if (!source || !target) continue;
    const [x1, y1, x2, y2] = [sx(source.x), sy(source.y), sx(target.x), sy(target.y)];
    const curvature = edgeCurvature(source, target, bandOrder, rows);
    // Both ends at the dots' rims, so the head touches the target instead of hiding under it.
    if (curvature === undefined) {
      const [a, b] = [trim(x1, y1, x2, y2, RADIUS + 1), trim(x2, y2, x1, y1, RADIUS + 1)];
      heads.push(arrowHead(b, a));
      lines.push(
        `  <path class="edge"${edgeEnds(edge.source, edge.target)} d="M${round(a.x)},${round(a.y)} L${round(b.x)},${round(b.y)}" fill="none" stroke="#9e9e9e" stroke-width="1.2" marker-end="url(#arrow)"/>`,
      );
    } else {
      const control = controlPoint(x1, y1, x2, y2, curvature);
      const [a, b] = [trim(x1, y1, control.x, control.y, RADIUS + 1), trim(x2, y2, control.x, control.y, RADIUS + 1)];
      heads.push(arrowHead(b, control));
      lines.push(
        `  <path class="edge"${edgeEnds(edge.source, edge.target)} d="M${round(a.x)},${round(a.y)} Q${round(control.x)},${round(control.y)} ${round(b.x)},${round(b.y)}" fill="none" stroke="#9e9e9e" stroke-width="1.2" marker-end="url(#arrow)"/>`,
      );
    }
  }
  const discs: Disc[] = model.nodes.map((node) => ({ id: node.id, x: sx(node.x), y: sy(node.y), radius: RADIUS + (node.override ? 2 : 0) }));
  const dependents = new Map<string, number>();
  for (const edge of model.edges) dependents.set(edge.target, (dependents.get(edge.target) ?? 0) + 1);
  const candidates: LabelCandidate[] = model.nodes.map((node, i) => ({ ...discs[i], text: node.name, priority: dependents.get(node.id) ?? 0 }));
  const labels = new Map(
    placeLabels(candidates, discs, textWidth, { lineHeight: FONT_SIZE + 4, gap: 3, minCharacters: 4, width, height: height - margin.bottom / 2, keepOff: heads }).map((label) => [label.id, label]),
  );
  model.nodes.forEach((node, i) => {
    const fill = printColours(node.verdict.value).stroke;
    const ring = node.override ? ' stroke="#212121" stroke-width="2"' : '';
    lines.push(inHtml ? `  <g class="protocol" data-i="${i}">` : `  <g class="protocol">`);
    if (!inHtml) lines.push(`    <title>${escapeXml(`${node.name}: ${verdictTitle(node.verdict.value)}. ${node.verdict.rationale}`)}</title>`);
    lines.push(`    <circle cx="${sx(node.x)}" cy="${sy(node.y)}" r="${RADIUS}" fill="${fill}"${ring}/>`);
    const label = labels.get(node.id);
    if (label) lines.push(`    <text class="name" x="${round(label.x)}" y="${round(label.y + label.height / 2)}" dominant-baseline="central" font-size="${FONT_SIZE}" fill="#212121">${escapeXml(label.text)}</text>`);
    lines.push('  </g>');
  });
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}

/** The picture's title: what it is, and through which framework its colours are judged. */
export function graphViewTitle(model: GraphModel): string {
  return model.framework.title ? `Protocol Atlas · layer graph · ${model.framework.title}` : 'Protocol Atlas · layer graph';
}

/** A name's width at FONT_SIZE in a sans-serif face, roughly: wide (CJK) characters count double. */
function textWidth(text: string): number {
  return stringWidth(text) * FONT_SIZE * 0.6;
}

/** The marker's length in pixels: markerWidth 7 in units of the 1.2 px stroke. */
const HEAD_LENGTH = 8.4;

/** The box around an arrowhead whose tip is at `tip`, pointing away from `from`. */
function arrowHead(tip: { x: number; y: number }, from: { x: number; y: number }): { x: number; y: number; width: number; height: number } {
  const back = trim(tip.x, tip.y, from.x, from.y, HEAD_LENGTH);
  const half = HEAD_LENGTH / 2;
  const [left, right] = [Math.min(tip.x, back.x) - half, Math.max(tip.x, back.x) + half];
  const [top, bottom] = [Math.min(tip.y, back.y) - half, Math.max(tip.y, back.y) + half];
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** The point `by` along the way from (x1, y1) towards (x2, y2). */
function trim(x1: number, y1: number, x2: number, y2: number, by: number): { x: number; y: number } {
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  return { x: x1 + ((x2 - x1) * by) / length, y: y1 + ((y2 - y1) * by) / length };
}

const round = (value: number): number => Math.round(value * 10) / 10;
