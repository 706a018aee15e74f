// What switching thesis would change: the protocols whose flag differs between two frameworks.
import { LAYERS, type Layer, type Verdict } from '../vocabulary/model';
import { evaluate, type EvaluationSubject } from './evaluate';
import type { Framework } from './types';

export interface ComparedProtocol extends EvaluationSubject {
  path: string;
  name: string;
}

interface VerdictChange {
  path: string;
  name: string;
  from: Verdict;
  to: Verdict;
}

export interface FrameworkComparison {
  a: { id: string; title: string };
  b: { id: string; title: string };
  /** Sorted by layer, bottom to top, then by name. */
  changes: VerdictChange[];
  unchanged: number;
}

/**
 * Compares the flags a researcher would see, overrides included: an overridden protocol keeps
 * its override under both frameworks, so it only changes if the override does. Each override's
 * `frameworkVerdict` still shows what either framework said. A change is a different value,
 * horizon or outlook; a different rationale or strength alone is the same flag, explained anew.
 */
export function compareFrameworks(a: Framework, b: Framework, subjects: readonly ComparedProtocol[]): FrameworkComparison {
  const changes: Array<VerdictChange & { layer: Layer }> = [];
  for (const subject of subjects) {
    const from = evaluate(a, subject);
    const to = evaluate(b, subject);
    if (!sameFlag(from, to)) changes.push({ path: subject.path, name: subject.name, from, to, layer: subject.layer });
  }
  changes.sort((x, y) => layerRank(x.layer) - layerRank(y.layer) || byName(x, y));
  return {
    a: { id: a.id, title: a.title },
    b: { id: b.id, title: b.title },
    changes: changes.map(({ path, name, from, to }) => ({ path, name, from, to })),
    unchanged: subjects.length - changes.length,
  };
}

function sameFlag(x: Verdict, y: Verdict): boolean {
  return (
    x.value === y.value &&
    x.horizon === y.horizon &&
    x.outlook?.horizon === y.outlook?.horizon &&
    x.outlook?.value === y.outlook?.value
  );
}

function layerRank(layer: Layer): number {
  const rank = (LAYERS as readonly string[]).indexOf(layer);
  return rank === -1 ? LAYERS.length : rank;
}

function byName(x: VerdictChange, y: VerdictChange): number {
  // Names compare the way a reader expects ("akash" beside "Akash"); the path keeps it total.
  return x.name.localeCompare(y.name, 'en', { sensitivity: 'base' }) || (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
}
