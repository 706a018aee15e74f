// How exposure reads wherever it is shown (terminal, tree, tooltip, graph card), so the researcher
// meets one wording: "exposed to 812 negatively affected protocols, nearest: Eliza → io.net", or
// "exposed via Eliza → io.net" when there is only the one. A route is given by names, from the
// exposed protocol itself (first, left out: it is the subject) to the negatively affected one (last).
// The webview bundle uses this file too: it imports only the translator.
import * as l10n from '@vscode/l10n';

/** Routes longer than this many hops keep their first and last hops and say how many are left out. */
const LONGEST_ROUTE = 8;

/** "Eliza → io.net": the hops after the exposed protocol; a very long route keeps its ends. */
export function routeText(route: readonly string[]): string {
  const hops = route.slice(1);
  if (hops.length <= LONGEST_ROUTE) return hops.join(' → ');
  const left = hops.slice(0, LONGEST_ROUTE - 3);
  const right = hops.slice(-2);
  return [...left, l10n.t('… {0} more …', hops.length - left.length - right.length), ...right].join(' → ');
}

/** The sentence: "exposed to 812 negatively affected protocols, nearest: A → io.net; B → Akash". */
export function exposureSentence(count: number, routes: readonly (readonly string[])[]): string {
  if (count === 0) return l10n.t('not exposed: depends on no negatively affected protocol');
  if (count === 1 && routes.length > 0) return l10n.t('exposed via {0}', routeText(routes[0]));
  const nearest = routes.map(routeText).join('; ');
  if (count === 1) return l10n.t('exposed to 1 negatively affected protocol');
  return nearest ? l10n.t('exposed to {0} negatively affected protocols, nearest: {1}', count, nearest) : l10n.t('exposed to {0} negatively affected protocols', count);
}

/** The same for a table cell: "812, nearest: A → io.net", "via A → io.net", or "—". */
export function exposureShort(count: number, routes: readonly (readonly string[])[]): string {
  if (count === 0) return '—';
  if (count === 1 && routes.length > 0) return l10n.t('via {0}', routeText(routes[0]));
  return routes.length > 0 ? l10n.t('{0}, nearest: {1}', count, routes.map(routeText).join('; ')) : `${count}`;
}
