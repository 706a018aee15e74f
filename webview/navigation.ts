// Spatial navigation between protocols, apart from the DOM so it is unit-tested in Node.
import type { GraphState } from './graphState';

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Nearest visible node in a direction (graph coordinates, y up); off-axis distance counts double. */
export function nextInDirection(state: GraphState, from: string | undefined, direction: Direction): string | undefined {
  const visible = state.graph.filterNodes((id) => !state.isHidden(id));
  if (visible.length === 0) return undefined;
  if (!from || !state.graph.hasNode(from) || state.isHidden(from)) {
    // Start at the top left: application first, the way the picture reads.
    return visible.reduce((best, id) => {
      const a = state.graph.getNodeAttributes(id);
      const b = state.graph.getNodeAttributes(best);
      return a.y > b.y || (a.y === b.y && a.x < b.x) ? id : best;
    });
  }
  const origin = state.graph.getNodeAttributes(from);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const id of visible) {
    if (id === from) continue;
    const node = state.graph.getNodeAttributes(id);
    const dx = node.x - origin.x;
    const dy = node.y - origin.y;
    const along = direction === 'up' ? dy : direction === 'down' ? -dy : direction === 'right' ? dx : -dx;
    const across = direction === 'up' || direction === 'down' ? Math.abs(dx) : Math.abs(dy);
    if (along <= 0) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}
