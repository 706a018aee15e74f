// "Did you mean …?" for a dependency that names no note: the nearest protocol names and aliases,
// worked out when a diagnostic is shown (not on every update) and remembered until names change.
//
// Each answer compares the target with every name, so a vault of thousands of near-miss names
// (each unresolved, each one edit from another) would cost names × targets comparisons and block
// the editor for seconds. The suggestions in diagnostic messages therefore share a budget per
// set of names; past it a diagnostic says only what is wrong, and the quick fix works its
// suggestions out when asked (`nearest`), one target at a time.
import { SuggestionPool } from '../vocabulary/closest';

/** Name comparisons the messages may spend between two changes of names (~150 ms on this machine's cores). */
const MESSAGE_SUGGESTION_BUDGET = 500_000;

export class NameSuggestions {
  private cache: { pool: SuggestionPool; byTarget: Map<string, string[]>; budget: number } | undefined;

  constructor(
    private readonly allNames: () => string[],
    private readonly budget = MESSAGE_SUGGESTION_BUDGET,
  ) {}

  /** Suggestions for a diagnostic message: the nearest names, or none once the budget is spent. */
  for(target: string): string[] {
    const cache = this.current();
    const found = cache.byTarget.get(target);
    if (found) return found;
    if (cache.budget < cache.pool.size) return [];
    cache.budget -= cache.pool.size;
    return this.remember(target);
  }

  /** The nearest names, whatever the budget: one target, asked for by a quick fix. */
  nearest(target: string): string[] {
    return this.current().byTarget.get(target) ?? this.remember(target);
  }

  /** Names were added, removed or respelt. */
  forget(): void {
    this.cache = undefined;
  }

  private current(): NonNullable<NameSuggestions['cache']> {
    this.cache ??= { pool: new SuggestionPool(this.allNames().sort()), byTarget: new Map(), budget: this.budget };
    return this.cache;
  }

  private remember(target: string): string[] {
    const cache = this.current();
    const found = cache.pool.closest(target);
    cache.byTarget.set(target, found);
    return found;
  }
}
