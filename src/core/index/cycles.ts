// Dependency cycles: the strongly connected components of the dependency graph, found for the
// whole graph once per build and, on an edit, again only where the changed edges could have made
// or broken one; and for each note in a cycle a short loop through it, for its diagnostic.
import { ClosedWalks } from '../graph/closedWalks';
import { condense, withoutAcyclicEnds, type Adjacency } from '../graph/components';
import type { DependencyGraph } from '../graph/dependencyGraph';
import { graphSnapshot } from '../graph/graphSnapshot';

export type Edge = readonly [from: string, to: string];

/** A loop through one note, from it back to it: whole when `tail` is empty, else its two ends. */
export interface CycleLoop {
  /** Dependencies followed along the loop. */
  readonly steps: number;
  /** Paths from the note on: all `steps + 1` of them when `tail` is empty, else the first few. */
  readonly head: readonly string[];
  /** The last few paths, ending back at the note; empty when `head` is the whole loop. */
  readonly tail: readonly string[];
}

/** One dependency cycle: notes that all depend on each other, directly or through the others. */
export class Cycle {
  private readonly rank = new Map<string, number>();
  private walks: ClosedWalks | undefined;
  private showing: { headSize: number; tailSize: number; members: Map<string, string[]> } | undefined;

  /**
   * @param members sorted, which also numbers them for the loops (so that loops never depend on
   * the order notes were indexed in)
   * @param out each member's dependencies among the members, by those numbers
   */
  constructor(
    readonly members: readonly string[],
    private readonly out: Adjacency,
  ) {
    members.forEach((path, i) => this.rank.set(path, i));
  }

  get size(): number {
    return this.members.length;
  }

  has(path: string): boolean {
    return this.rank.has(path);
  }

  /**
   * The loop through `path`: a shortest one when it is short and near, else one through the
   * cycle's first note. Worked out for all members at once the first time one is asked for.
   */
  loopThrough(path: string, headSize: number, tailSize: number): CycleLoop {
    const sketch = this.closedWalks().sketch(this.numberOf(path), headSize, tailSize);
    const paths = (nodes: readonly number[]): string[] => nodes.map((node) => this.members[node]);
    return { steps: sketch.steps, head: paths(sketch.head), tail: paths(sketch.tail) };
  }

  /**
   * The members whose loop, as loopThrough shows it with these sizes, names `path`: the messages
   * to word again when that note is renamed. Worked out for the whole cycle the first time.
   */
  membersShowing(path: string, headSize: number, tailSize: number): readonly string[] {
    if (!this.showing) {
      const showing = new Map<string, string[]>();
      for (const member of this.members) {
        const loop = this.loopThrough(member, headSize, tailSize);
        for (const shown of new Set([...loop.head, ...loop.tail])) {
          const list = showing.get(shown);
          if (list) list.push(member);
          else showing.set(shown, [member]);
        }
      }
      this.showing = { headSize, tailSize, members: showing };
    }
    if (this.showing.headSize !== headSize || this.showing.tailSize !== tailSize) throw new RangeError('Ask membersShowing with the same sizes each time.');
    return this.showing.members.get(path) ?? [];
  }

  /** The whole loop through `path` (as long as the loop; loopThrough shows its ends). */
  wholeLoopThrough(path: string): string[] {
    return this.closedWalks().walk(this.numberOf(path)).map((node) => this.members[node]);
  }

  private numberOf(path: string): number {
    const node = this.rank.get(path);
    if (node === undefined) throw new RangeError(`${path} is not in this cycle.`);
    return node;
  }

  private closedWalks(): ClosedWalks {
    this.walks ??= new ClosedWalks(this.out);
    return this.walks;
  }
}

/** Past this many changed edges, looking locally costs more than looking at everything. */
const LOCAL_CHANGE_LIMIT = 64;

/**
 * The notes whose cycle, or loop, may have changed: the old cycles that lost an edge, and
 * for each added edge a -> b the notes on some path b -> … -> a (a new or larger cycle through
 * it). Every new or broken cycle lies entirely inside this set, so recomputing only it is exact.
 * Notes no longer in the graph may be among them (their old cycles are to be forgotten).
 */
export function affectedRegion(
  graph: DependencyGraph,
  added: readonly Edge[],
  removed: readonly Edge[],
  cycleOf: ReadonlyMap<string, Cycle>,
): Set<string> | 'all' {
  if (added.length + removed.length > LOCAL_CHANGE_LIMIT) return 'all';
  const region = new Set<string>();
  for (const [from, to] of removed) {
    // Only an edge inside a cycle is on one: any other removed edge broke nothing.
    const cycle = cycleOf.get(from);
    if (cycle && cycleOf.get(to) === cycle) for (const member of cycle.members) region.add(member);
  }
  for (const [from, to] of added) {
    if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) continue;
    for (const node of pathsBetween(graph, to, from, cycleOf)) region.add(node);
  }
  return region;
}

/**
 * The notes on some path start -> … -> end. Searches from both ends in turns, one note at a time,
 * so the cost is bounded by the smaller of what start reaches and what reaches end: an edit deep
 * in a large vault looks only at its own neighbourhood.
 */
function pathsBetween(graph: DependencyGraph, start: string, end: string, cycleOf: ReadonlyMap<string, Cycle>): Iterable<string> {
  const known = cycleOf.get(start);
  if (known && known === cycleOf.get(end)) return known.members;
  const forward = new Search(graph, start, 'out');
  const backward = new Search(graph, end, 'in');
  for (;;) {
    if (!forward.step()) return forward.reached.has(end) ? new Search(graph, end, 'in', forward.reached).all() : [];
    if (!backward.step()) return backward.reached.has(start) ? new Search(graph, start, 'out', backward.reached).all() : [];
  }
}

/** A breadth-first search that can be run a step at a time, optionally kept inside a set of notes. */
class Search {
  readonly reached = new Set<string>();
  private readonly queue: string[];
  private next = 0;

  constructor(
    private readonly graph: DependencyGraph,
    from: string,
    private readonly direction: 'out' | 'in',
    private readonly within?: ReadonlySet<string>,
  ) {
    this.reached.add(from);
    this.queue = [from];
  }

  /** Expands one more note; false once there is nothing left to expand. */
  step(): boolean {
    if (this.next === this.queue.length) return false;
    const node = this.queue[this.next++];
    const visit = (neighbor: string): void => {
      if (this.reached.has(neighbor) || (this.within && !this.within.has(neighbor))) return;
      this.reached.add(neighbor);
      this.queue.push(neighbor);
    };
    if (this.direction === 'out') this.graph.forEachOutNeighbor(node, visit);
    else this.graph.forEachInNeighbor(node, visit);
    return true;
  }

  all(): Set<string> {
    while (this.step());
    return this.reached;
  }
}

/**
 * Bring `cycleOf` (note -> its cycle) up to date after edges changed; `added === 'all'` means
 * look at everything. Returns the notes whose cycle diagnostics must be worked out again.
 */
export function updateCycles(graph: DependencyGraph, cycleOf: Map<string, Cycle>, added: readonly Edge[] | 'all', removed: readonly Edge[]): string[] {
  const region = added === 'all' ? 'all' : affectedRegion(graph, added, removed, cycleOf);
  if (region === 'all') {
    const before = [...cycleOf.keys()];
    cycleOf.clear();
    remember(cycleOf, findCycles(graph));
    return [...new Set([...before, ...cycleOf.keys()])];
  }
  for (const node of region) cycleOf.delete(node);
  const present = [...region].filter((node) => graph.hasNode(node));
  // Most edits close no cycle: nothing to look at, not even an empty snapshot.
  if (present.length > 1) remember(cycleOf, findCycles(graph, present));
  return [...region];
}

function remember(cycleOf: Map<string, Cycle>, cycles: readonly Cycle[]): void {
  for (const cycle of cycles) for (const member of cycle.members) cycleOf.set(member, cycle);
}

/**
 * The cycles (strongly connected components of two or more notes) among `nodes` (all of the
 * graph when not given), following only edges between them. Self-dependencies are reported
 * separately and ignored here.
 */
export function findCycles(graph: DependencyGraph, nodes?: Iterable<string>): Cycle[] {
  const snapshot = graphSnapshot(graph, nodes);
  const { keys, outStart, outs } = snapshot;
  // Most notes of a real vault are on no cycle: peeled away first, Tarjan's search never sees them.
  const onCycle = withoutAcyclicEnds(snapshot);
  if (!onCycle.includes(1)) return [];
  const { component, count } = condense(snapshot, onCycle);
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < keys.length; v++) if (component[v] !== -1) groups[component[v]].push(v);
  // Each cycle keeps its own edges, renumbered in path order, for its loops.
  const rank = new Int32Array(keys.length);
  const cycles: Cycle[] = [];
  for (let c = 0; c < count; c++) {
    const group = groups[c];
    if (group.length < 2) continue;
    group.sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    group.forEach((node, i) => (rank[node] = i));
    const inside = group.map((node) => {
      const targets: number[] = [];
      for (let k = outStart[node]; k < outStart[node + 1]; k++) if (component[outs[k]] === c && outs[k] !== node) targets.push(rank[outs[k]]);
      return targets;
    });
    cycles.push(new Cycle(group.map((node) => keys[node]), inside));
  }
  return cycles;
}
