// Keyboard navigation: arrow keys move to the nearest visible protocol in that direction, Enter
// opens its note, Escape clears. Each move is announced through an aria-live region, so the graph
// is usable without a mouse or without seeing the canvas.
import { nextInDirection, type Direction } from './navigation';
import type { GraphState } from './graphState';

const KEYS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export interface KeyboardActions {
  focus(id: string): void;
  open(id: string): void;
  clear(): void;
}

export function attachKeyboard(element: HTMLElement, state: GraphState, current: () => string | undefined, actions: KeyboardActions): void {
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
