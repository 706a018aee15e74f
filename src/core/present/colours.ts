// The verdict colours, one definition for every picture of them: package.json contributes them as
// the `protocolAtlas.*` theme colours (a unit test keeps the two equal), so the Protocols view,
// search, the graph panel (VS Code hands each to the webview as a CSS variable) and a researcher's
// own customisation agree; the exports, drawn on a white page, take the light theme's defaults.
import type { VerdictValue } from '../vocabulary/model';

export interface ThemeColour {
  /** The theme colour's id, as a researcher customises it in `workbench.colorCustomizations`. */
  id: string;
  description: string;
  defaults: { dark: string; light: string; highContrast: string; highContrastLight: string };
}

export const VERDICT_COLOURS: Readonly<Record<VerdictValue, ThemeColour>> = {
  positive: {
    id: 'protocolAtlas.positive',
    description: 'Protocols the active framework flags as positively affected (Protocols view, search, graph).',
    defaults: { dark: '#89D185', light: '#388A34', highContrast: '#89D185', highContrastLight: '#2D6B2A' },
  },
  negative: {
    id: 'protocolAtlas.negative',
    description: 'Protocols the active framework flags as negatively affected.',
    defaults: { dark: '#F48771', light: '#B3261E', highContrast: '#F48771', highContrastLight: '#8F1D17' },
  },
  mixed: {
    id: 'protocolAtlas.mixed',
    description: 'Protocols with a mixed verdict (e.g. negative short-term, positive long-term).',
    defaults: { dark: '#CCA700', light: '#8A6D00', highContrast: '#FFD700', highContrastLight: '#6B5500' },
  },
  'not-assessed': {
    id: 'protocolAtlas.notAssessed',
    description: 'Protocols the active framework does not assess.',
    defaults: { dark: '#A0A0A0', light: '#6E6E6E', highContrast: '#FFFFFF', highContrastLight: '#292929' },
  },
};

/** The CSS variable VS Code gives a webview for a theme colour: `protocolAtlas.notAssessed` → `--vscode-protocolAtlas-notAssessed`. */
export function cssVariable(colour: ThemeColour): string {
  return `--vscode-${colour.id.replace(/\./g, '-')}`;
}

/** A verdict's colours on a white page (SVG, HTML, Mermaid, DOT): the dot, a pale fill for a box, its text. */
export function printColours(value: VerdictValue): { stroke: string; fill: string; text: string } {
  // Own keys only: a value from a message or a note may be "constructor".
  const colour = Object.prototype.hasOwnProperty.call(VERDICT_COLOURS, value) ? VERDICT_COLOURS[value] : VERDICT_COLOURS['not-assessed'];
  const { light, highContrastLight } = colour.defaults;
  return { stroke: light.toLowerCase(), fill: tint(light, 0.85), text: highContrastLight.toLowerCase() };
}

/** The colour mixed with white: `amount` 0 keeps it, 1 is white. */
function tint(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `#${channels.map((channel) => Math.round(channel + (255 - channel) * amount).toString(16).padStart(2, '0')).join('')}`;
}
