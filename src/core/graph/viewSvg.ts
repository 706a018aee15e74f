// The graph view as a standalone SVG: the bands, the edges with arrowheads and the protocols
// coloured by verdict, at the layout's positions. Names come from notes, so every piece of text is
// escaped and nothing from a note lands in an attribute except through the same escape.
import { xmlText } from '../present/untrustedText';
import type { GraphModel } from './graphModel';
import type { VerdictValue } from '../model';

const VERDICT_FILL: Record<VerdictValue, string> = {
  positive: '#2e7d32',
  negative: '#c62828',
  mixed: '#f9a825',
  'not-assessed': '#9e9e9e',
};

const VERDICT_LABEL: Record<VerdictValue, string> = { positive: 'Positive', negative: 'Negative', mixed: 'Mixed', 'not-assessed': 'Not assessed' };

/** Text in the SVG: the one XML escaper (control, bidi and zero-width characters shown, entities). */
export const escapeXml = xmlText;

export function graphViewToSvg(model: GraphModel, options: { scale?: number } = {}): string {
  const scale = options.scale ?? 12;
  const margin = { left: 150, right: 40, top: 50, bottom: 30 };
  const width = Math.max(model.width * scale, 200) + margin.left + margin.right;
  const height = Math.max(model.height * scale, 100) + margin.top + margin.bottom;
  // Layout y grows upwards; SVG y grows downwards.
  const sx = (x: number): number => round(margin.left + x * scale);
  const sy = (y: number): number => round(margin.top + (model.height - y) * scale);
  const gap = model.bands.length > 1 ? model.bands[1].y - model.bands[1].height / 2 - (model.bands[0].y + model.bands[0].height / 2) : 20;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="sans-serif">`,
    `  <title>${escapeXml(`Protocol Atlas layer graph: ${model.framework.title}`)}</title>`,
    '  <defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#757575"/></marker></defs>',
    `  <rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  model.bands.forEach((band, i) => {
    const top = sy(band.y + band.height / 2 + gap / 2);
    const bottom = sy(band.y - band.height / 2 - gap / 2);
    lines.push(`  <rect class="band" x="0" y="${top}" width="${round(width)}" height="${round(bottom - top)}" fill="${i % 2 ? '#f2f2f2' : '#fafafa'}"/>`);
    lines.push(`  <text class="band-label" x="12" y="${round(top + 20)}" font-size="13" font-weight="600" fill="#616161">${escapeXml(`${band.label.toUpperCase()} · ${band.count}`)}</text>`);
  });
  const at = new Map(model.nodes.map((node) => [node.id, node]));
  for (const edge of model.edges) {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    if (!source || !target) continue;
    lines.push(`  <line class="edge" x1="${sx(source.x)}" y1="${sy(source.y)}" x2="${sx(target.x)}" y2="${sy(target.y)}" stroke="#9e9e9e" stroke-width="1.2" marker-end="url(#arrow)"/>`);
  }
  for (const node of model.nodes) {
    const fill = VERDICT_FILL[node.verdict.value] ?? VERDICT_FILL['not-assessed'];
    const ring = node.override ? ' stroke="#212121" stroke-width="2"' : '';
    lines.push(`  <g class="protocol">`);
    lines.push(`    <title>${escapeXml(`${node.name}: ${VERDICT_LABEL[node.verdict.value] ?? node.verdict.value}. ${node.verdict.rationale}`)}</title>`);
    lines.push(`    <circle cx="${sx(node.x)}" cy="${sy(node.y)}" r="7" fill="${fill}"${ring}/>`);
    lines.push(`    <text x="${sx(node.x)}" y="${round(sy(node.y) - 11)}" font-size="12" text-anchor="middle" fill="#212121">${escapeXml(node.name)}</text>`);
    lines.push('  </g>');
  }
  // The legend: what the colours mean and which framework says so.
  let x = margin.left;
  for (const value of Object.keys(VERDICT_FILL) as VerdictValue[]) {
    lines.push(`  <circle cx="${x}" cy="20" r="6" fill="${VERDICT_FILL[value]}"/><text x="${x + 10}" y="24" font-size="12" fill="#212121">${VERDICT_LABEL[value]}</text>`);
    x += 110;
  }
  lines.push(`  <text x="${x}" y="24" font-size="12" fill="#616161">${escapeXml(`Framework: ${model.framework.title}`)}</text>`);
  lines.push('</svg>');
  return `${lines.join('\n')}\n`;
}

const round = (value: number): number => Math.round(value * 10) / 10;
