// Colour by a note field instead of the verdict: category, funding, or whether a protocol has a
// tag. The most common values get the theme's chart colours; the rest share "Other", so eight
// colours stay tellable apart. The legend says which colour is which value.
import * as l10n from '@vscode/l10n';
import type { ColourBy } from '../src/webviewProtocol';
import { categoryTitle } from '../src/core/vocabulary/labels';
import type { GraphState } from './graphState';
import { mix, type Palette } from './theme';

export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

export interface FieldColouring {
  readonly colourBy: Exclude<ColourBy, 'verdict'>;
  colourOf(id: string): string;
  readonly legend: LegendEntry[];
}

/** What "Colour by" offers for the protocols drawn now: verdict always, the fields some note has. */
export function colourChoices(state: GraphState): Array<{ value: ColourBy; label: string }> {
  const choices: Array<{ value: ColourBy; label: string }> = [{ value: 'verdict', label: l10n.t('Verdict') }];
  if (state.categories().length > 0) choices.push({ value: 'category', label: l10n.t('Category') });
  if (state.hasFunding()) choices.push({ value: 'funding', label: l10n.t('Funding') });
  for (const tag of state.tags()) choices.push({ value: `tag:${tag}`, label: l10n.t('Tag #{0}', tag) });
  return choices;
}

/** Undefined when colouring by verdict, which the renderer does itself. */
export function fieldColouring(state: GraphState, palette: Palette): FieldColouring | undefined {
  const colourBy = state.colourBy;
  if (colourBy === 'verdict') return undefined;
  const none = mix(palette.foreground, palette.background, 0.55);
  if (colourBy.startsWith('tag:')) {
    const tag = colourBy.slice('tag:'.length);
    const tagged = new Set(state.graph.filterNodes((_id, node) => node.tags?.includes(tag) ?? false));
    return {
      colourBy,
      colourOf: (id) => (tagged.has(id) ? palette.series[0] : none),
      legend: [
        { label: `#${tag}`, colour: palette.series[0], count: tagged.size },
        { label: `without #${tag}`, colour: none, count: state.graph.order - tagged.size },
      ],
    };
  }
  const valueOf = (id: string): string | undefined => {
    const node = state.graph.getNodeAttributes(id);
    return colourBy === 'category' ? node.category : node.funding;
  };
  const counts = new Map<string, number>();
  let missing = 0;
  state.graph.forEachNode((id) => {
    const value = valueOf(id);
    if (value === undefined) missing++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const named = ranked.slice(0, palette.series.length);
  const colours = new Map(named.map(([value], i) => [value, palette.series[i]]));
  const other = ranked.slice(palette.series.length).reduce((sum, [, count]) => sum + count, 0);
  const otherColour = mix(palette.foreground, palette.background, 0.3);
  const label = (value: string): string => (colourBy === 'category' ? categoryTitle(value) : value);
  return {
    colourBy,
    colourOf: (id) => {
      const value = valueOf(id);
      return value === undefined ? none : (colours.get(value) ?? otherColour);
    },
    legend: [
      ...named.map(([value, count], i) => ({ label: label(value), colour: palette.series[i], count })),
      ...(other > 0 ? [{ label: l10n.t('Other'), colour: otherColour, count: other }] : []),
      ...(missing > 0 ? [{ label: colourBy === 'category' ? l10n.t('No category') : l10n.t('Funding not given'), colour: none, count: missing }] : []),
    ],
  };
}
