// "Did you mean …?" for a dependency that names no note: the nearest protocol names and aliases,
// worked out when a diagnostic is shown (not on every update) and remembered until names change.
import { closestMatches } from '../note/closest';

export class NameSuggestions {
  private cache: { names: string[]; byTarget: Map<string, string[]> } | undefined;

  constructor(private readonly allNames: () => string[]) {}

  for(target: string): string[] {
    this.cache ??= { names: this.allNames().sort(), byTarget: new Map() };
    let found = this.cache.byTarget.get(target);
    if (!found) {
      found = closestMatches(target, this.cache.names);
      this.cache.byTarget.set(target, found);
    }
    return found;
  }

  /** Names were added, removed or respelt. */
  forget(): void {
    this.cache = undefined;
  }
}
