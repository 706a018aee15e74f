// Plain-text formatting for the terminal: a table whose long cells wrap instead of running off.
import type { ReportVerdict } from '../core/report';

export function describeVerdict(verdict: ReportVerdict): string {
  const value = verdict.value === 'not-assessed' ? 'not assessed' : verdict.value;
  const qualifiers = [verdict.strength, verdict.horizon, verdict.source === 'override' ? 'override' : undefined].filter(Boolean);
  let text = qualifiers.length ? `${value} (${qualifiers.join(', ')})` : value;
  if (verdict.outlook) text += `; ${verdict.outlook.value} (${verdict.outlook.horizon})`;
  return text;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = '';
      }
      // A single word longer than the column is cut rather than breaking the table.
      let rest = word;
      while (rest.length > width) {
        if (line) lines.push(line);
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
        line = '';
      }
      line = line ? `${line} ${rest}` : rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Columns get their natural width, except those listed in `flexible`, which share the rest. */
export function formatTable(header: string[], rows: string[][], options: { width?: number; flexible?: number[] } = {}): string {
  const totalWidth = Math.max(options.width ?? 120, 60);
  const flexible = new Set(options.flexible ?? []);
  const natural = header.map((title, column) => Math.max(title.length, ...rows.map((row) => longestLine(row[column] ?? ''))));
  const gap = 2;
  const fixed = natural.reduce((sum, width, column) => sum + (flexible.has(column) ? 0 : width + gap), 0);
  const share = flexible.size ? Math.max(16, Math.floor((totalWidth - fixed) / flexible.size) - gap) : 0;
  const widths = natural.map((width, column) => (flexible.has(column) ? Math.min(width, share) : width));
  const render = (cells: string[]) => {
    const wrapped = cells.map((cell, column) => wrap(cell ?? '', widths[column]));
    const height = Math.max(...wrapped.map((lines) => lines.length));
    const out: string[] = [];
    for (let line = 0; line < height; line++) {
      out.push(wrapped.map((lines, column) => (lines[line] ?? '').padEnd(widths[column])).join(' '.repeat(gap)).trimEnd());
    }
    return out.join('\n');
  };
  const rule = widths.map((width) => '─'.repeat(width)).join(' '.repeat(gap));
  return [render(header), rule, ...rows.map(render)].join('\n');
}

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => line.length));
}
