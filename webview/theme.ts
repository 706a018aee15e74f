// Colours come from VS Code's theme variables, read when the app starts and again whenever the
// theme changes (VS Code swaps the body's vscode-light / vscode-dark / vscode-high-contrast class
// and rewrites the variables), so light, dark and high-contrast themes all read well.
import type { VerdictValue } from '../src/core/vocabulary/model';
import { cssVariable, VERDICT_COLOURS } from '../src/core/present/colours';

export interface Palette {
  verdict: Record<VerdictValue, string>;
  background: string;
  foreground: string;
  muted: string;
  edge: string;
  faded: string;
  accent: string;
  bandFill: [string, string];
  /** Distinct colours for a field's values (Colour by category, funding), most common value first. */
  series: string[];
  fontFamily: string;
  highContrast: boolean;
}

const FALLBACK = { grey: '#808080', fg: '#cccccc', bg: '#1e1e1e', accent: '#0078d4' };

export function readPalette(): Palette {
  const style = getComputedStyle(document.body);
  const read = (names: string[], fallback: string): string => {
    for (const name of names) {
      const value = style.getPropertyValue(name).trim();
      if (value) return value;
    }
    return fallback;
  };
  const foreground = read(['--vscode-editor-foreground', '--vscode-foreground'], FALLBACK.fg);
  const background = read(['--vscode-editor-background'], FALLBACK.bg);
  const classes = document.body.classList;
  const highContrast = classes.contains('vscode-high-contrast') || classes.contains('vscode-high-contrast-light');
  const kind = classes.contains('vscode-high-contrast-light') ? 'highContrastLight' : classes.contains('vscode-high-contrast') ? 'highContrast' : classes.contains('vscode-light') ? 'light' : 'dark';
  return {
    // The extension's own theme colours first (package.json `contributes.colors`), the ones the
    // Protocols view and search use and a researcher can customise; VS Code hands every
    // registered colour to webviews as a variable.
    // Outside VS Code (a test page) the variables are missing: the colours' own defaults for the theme's kind.
    verdict: {
      positive: read([cssVariable(VERDICT_COLOURS.positive)], VERDICT_COLOURS.positive.defaults[kind]),
      negative: read([cssVariable(VERDICT_COLOURS.negative)], VERDICT_COLOURS.negative.defaults[kind]),
      mixed: read([cssVariable(VERDICT_COLOURS.mixed)], VERDICT_COLOURS.mixed.defaults[kind]),
      'not-assessed': read([cssVariable(VERDICT_COLOURS['not-assessed'])], VERDICT_COLOURS['not-assessed'].defaults[kind]),
    },
    background,
    foreground,
    muted: read(['--vscode-descriptionForeground'], FALLBACK.grey),
    // Opaque: no blending cost per edge fragment, and crossings do not darken into blots.
    edge: highContrast ? foreground : mix(foreground, background, 0.6),
    faded: mix(foreground, background, 0.85),
    accent: read(['--vscode-focusBorder', '--vscode-charts-blue'], FALLBACK.accent),
    bandFill: [withAlpha(foreground, highContrast ? 0 : 0.035), withAlpha(foreground, highContrast ? 0 : 0.07)],
    series: [
      read(['--vscode-charts-blue'], '#3794ff'),
      read(['--vscode-charts-orange'], '#d18616'),
      read(['--vscode-charts-purple'], '#b180d7'),
      read(['--vscode-charts-green'], '#89d185'),
      read(['--vscode-charts-red'], '#f14c4c'),
      read(['--vscode-charts-yellow'], '#cca700'),
      '#2aa198',
      '#d33682',
    ],
    fontFamily: read(['--vscode-font-family'], 'sans-serif'),
    highContrast,
  };
}

/** `#rgb`, `#rrggbb`, `#rrggbbaa` or `rgb(a)(…)` with a new alpha; anything else is returned as is. */
export function withAlpha(colour: string, alpha: number): string {
  const rgb = parseColour(colour);
  return rgb ? `rgba(${rgb[0]}, ${rgb[1]}, ${rgb[2]}, ${alpha})` : colour;
}

/** An opaque colour `t` of the way from `a` to `b` (WebGL blends transparent nodes with what is behind). */
export function mix(a: string, b: string, t: number): string {
  const from = parseColour(a);
  const to = parseColour(b);
  if (!from || !to) return a;
  const channel = (i: number): number => Math.round(from[i] + (to[i] - from[i]) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

function parseColour(colour: string): [number, number, number] | undefined {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(colour.trim());
  if (hex) {
    const digits = hex[1].length <= 4 ? [...hex[1]].map((d) => d + d).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(colour.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : undefined;
}

/** Calls `onChange` after VS Code switches the theme. */
export function watchTheme(onChange: () => void): void {
  new MutationObserver(() => onChange()).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
}
