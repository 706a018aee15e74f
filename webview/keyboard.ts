// Keyboard navigation: arrow keys move to the nearest visible protocol in that direction, Enter
// opens its note, Escape clears. Each move is announced through an aria-live region, so the graph
// is usable without a mouse or without seeing the canvas.
import type { AtlasState } from './state';

export type Direction = 'up' | 'down' | 'left' | 'right';

const KEYS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** Nearest visible node in a direction (graph coordinates, y up); off-axis distance counts double. */
export function nextInDirection(state: AtlasState, from: string | undefined, direction: Direction): string | undefined {
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

export interface KeyboardActions {
  focus(id: string): void;
  open(id: string): void;
  clear(): void;
}

export function attachKeyboard(element: HTMLElement, state: AtlasState, current: () => string | undefined, actions: KeyboardActions): void {
  element.addEventListener('keydown', (event) => {
    const direction = KEYS[event.key];
    if (direction) {
      event.preventDefault();
      const next = nextInDirection(state, current(), direction);
      if (next) actions.focus(next);
      return;
    }
    const at = current();
    if (event.key === 'Enter' && at) {
      event.preventDefault();
      actions.open(at);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      actions.clear();
    }
  });
}
