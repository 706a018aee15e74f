// Dependency cycles, found with graphology's strongly connected components and kept up to date
// by looking again only where changed edges could have made or broken one.
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { bidirectional } from 'graphology-shortest-path/unweighted';
import { bfsFromNode } from 'graphology-traversal';
import type { DependencyGraph } from '../graph/dependencyGraph';

export type Edge = readonly [from: string, to: string];

/** Past this many changed edges, looking locally costs more than looking at everything. */
const LOCAL_CHANGE_LIMIT = 64;

/**
 * The notes whose cycle membership may have changed: the old cycles touched by removed edges,
 * and for each added edge a -> b the notes on some path b -> … -> a (a new cycle through it).
 * Every new or broken cycle lies entirely inside this set, so recomputing only it is exact.
 */
export function affectedRegion(
  graph: DependencyGraph,
  added: readonly Edge[],
  removed: readonly Edge[],
  cycleOf: ReadonlyMap<string, readonly string[]>,
): Set<string> | 'all' {
  if (added.length + removed.length > LOCAL_CHANGE_LIMIT) return 'all';
  const region = new Set<string>();
  for (const [from, to] of removed) {
    for (const end of [from, to]) for (const member of cycleOf.get(end) ?? []) region.add(member);
  }
  for (const [from, to] of added) {
    if (from === to || !graph.hasNode(from) || !graph.hasNode(to)) continue;
    const downstream = new Set<string>();
    bfsFromNode(graph, to, (node) => void downstream.add(node), { mode: 'outbound' });
    if (!downstream.has(from)) continue;
    bfsFromNode(
      graph,
      from,
      (node) => {
        if (!downstream.has(node)) return true;
        region.add(node);
        return false;
      },
      { mode: 'inbound' },
    );
  }
  for (const node of region) if (!graph.hasNode(node)) region.delete(node);
  return region;
}

/**
 * Bring `cycleOf` (note -> its cycle) up to date after edges changed; `added === 'all'` means
 * look at everything. Returns the notes whose cycle diagnostics must be worked out again.
 */
export function updateCycles(
  graph: DependencyGraph,
  cycleOf: Map<string, string[]>,
  added: readonly Edge[] | 'all',
  removed: readonly Edge[],
): string[] {
  for (const node of [...cycleOf.keys()]) if (!graph.hasNode(node)) cycleOf.delete(node);
  const region = added === 'all' ? 'all' : affectedRegion(graph, added, removed, cycleOf);
  const nodes = region === 'all' ? graph.nodes() : [...region];
  if (region === 'all') cycleOf.clear();
  else for (const node of nodes) cycleOf.delete(node);
  for (const cycle of findCycles(graph, nodes)) for (const member of cycle) cycleOf.set(member, cycle);
  return nodes;
}

/**
 * The cycles (strongly connected components of two or more notes) among `nodes`, each sorted.
 * Self-dependencies are reported separately and ignored here.
 */
export function findCycles(graph: DependencyGraph, nodes: Iterable<string>): string[][] {
  const core = [...withoutAcyclicEnds(graph, new Set(nodes))].sort();
  if (core.length === 0) return [];
  const sub = sortedSubgraph(graph, core);
  let components: string[][];
  try {
    components = stronglyConnectedComponents(sub);
  } catch (error) {
    // graphology's SCC recurses once per note on a path; a cycle thousands of notes long can
    // exhaust the stack. Fall back to forward/backward reachability, which does not recurse.
    if (!(error instanceof RangeError)) throw error;
    components = componentsByReachability(sub);
  }
  return components.filter((component) => component.length > 1).map((component) => component.sort());
}

/**
 * Peel away notes with no dependency or no dependent inside the set, repeatedly: they cannot be
 * on a cycle. Long chains (the common deep structure) vanish here, so SCC never walks them.
 */
function withoutAcyclicEnds(graph: DependencyGraph, nodes: Set<string>): Set<string> {
  if (nodes.size === graph.order) return peelEverything(graph);
  const inside = (neighbor: string, node: string): boolean => neighbor !== node && nodes.has(neighbor);
  const inDegree = new Map<string, number>();
  const outDegree = new Map<string, number>();
  const queue: string[] = [];
  for (const node of nodes) {
    let ins = 0;
    let outs = 0;
    for (const neighbor of graph.inNeighbors(node)) if (inside(neighbor, node)) ins++;
    for (const neighbor of graph.outNeighbors(node)) if (inside(neighbor, node)) outs++;
    inDegree.set(node, ins);
    outDegree.set(node, outs);
    if (ins === 0 || outs === 0) queue.push(node);
  }
  const alive = new Set(nodes);
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index];
    if (!alive.delete(node)) continue;
    graph.forEachOutNeighbor(node, (neighbor) => {
      if (!alive.has(neighbor) || !inside(neighbor, node)) return;
      const degree = (inDegree.get(neighbor) as number) - 1;
      inDegree.set(neighbor, degree);
      if (degree === 0) queue.push(neighbor);
    });
    graph.forEachInNeighbor(node, (neighbor) => {
      if (!alive.has(neighbor) || !inside(neighbor, node)) return;
      const degree = (outDegree.get(neighbor) as number) - 1;
      outDegree.set(neighbor, degree);
      if (degree === 0) queue.push(neighbor);
    });
  }
  return alive;
}

/**
 * withoutAcyclicEnds over the whole graph (every build, and any update that changes many edges):
 * the same peeling on flat arrays of node numbers. Walking each node's neighbours through the
 * graph's per-node tables took 40 ms on 10,000 notes; one pass over the edge list and typed
 * arrays take a few.
 */
function peelEverything(graph: DependencyGraph): Set<string> {
  const keys = graph.nodes();
  const count = keys.length;
  const numberOf = new Map<string, number>();
  for (let i = 0; i < count; i++) numberOf.set(keys[i], i);
  const from = new Int32Array(graph.size);
  const to = new Int32Array(graph.size);
  let edges = 0;
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    from[edges] = numberOf.get(source) as number;
    to[edges] = numberOf.get(target) as number;
    edges++;
  });
  // Each node's out- and in-neighbours as slices of one array (compressed sparse rows).
  const outStart = new Int32Array(count + 1);
  const inStart = new Int32Array(count + 1);
  for (let e = 0; e < edges; e++) {
    outStart[from[e] + 1]++;
    inStart[to[e] + 1]++;
  }
  for (let i = 0; i < count; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const outs = new Int32Array(edges);
  const ins = new Int32Array(edges);
  const outFill = outStart.slice(0, count);
  const inFill = inStart.slice(0, count);
  for (let e = 0; e < edges; e++) {
    outs[outFill[from[e]]++] = to[e];
    ins[inFill[to[e]]++] = from[e];
  }
  const outDegree = new Int32Array(count);
  const inDegree = new Int32Array(count);
  const queue = new Int32Array(count);
  const removed = new Uint8Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    outDegree[i] = outStart[i + 1] - outStart[i];
    inDegree[i] = inStart[i + 1] - inStart[i];
    if (outDegree[i] === 0 || inDegree[i] === 0) {
      queue[tail++] = i;
      removed[i] = 1;
    }
  }
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let k = outStart[node]; k < outStart[node + 1]; k++) {
      const next = outs[k];
      if (!removed[next] && --inDegree[next] === 0) {
        removed[next] = 1;
        queue[tail++] = next;
      }
    }
    for (let k = inStart[node]; k < inStart[node + 1]; k++) {
      const previous = ins[k];
      if (!removed[previous] && --outDegree[previous] === 0) {
        removed[previous] = 1;
        queue[tail++] = previous;
      }
    }
  }
  const alive = new Set<string>();
  for (let i = 0; i < count; i++) if (!removed[i]) alive.add(keys[i]);
  return alive;
}

/**
 * A copy of the graph restricted to `sortedNodes`, built in sorted order so that algorithms
 * that follow insertion order give the same answer however the index got to this state.
 */
function sortedSubgraph(graph: DependencyGraph, sortedNodes: readonly string[]): DirectedGraph {
  const sub = new DirectedGraph();
  for (const node of sortedNodes) sub.addNode(node);
  for (const node of sortedNodes) {
    const targets = graph.outNeighbors(node).filter((target) => target !== node && sub.hasNode(target));
    for (const target of targets.sort()) sub.addEdge(node, target);
  }
  return sub;
}

function componentsByReachability(sub: DirectedGraph): string[][] {
  const assigned = new Set<string>();
  const components: string[][] = [];
  sub.forEachNode((start) => {
    if (assigned.has(start)) return;
    const downstream = new Set<string>();
    bfsFromNode(sub, start, (node) => void downstream.add(node), { mode: 'outbound' });
    const component: string[] = [];
    bfsFromNode(
      sub,
      start,
      (node) => {
        if (!downstream.has(node) || assigned.has(node)) return true;
        assigned.add(node);
        component.push(node);
        return false;
      },
      { mode: 'inbound' },
    );
    components.push(component);
  });
  return components;
}

/** Up to this size, each note's message shows the shortest cycle through that very note. */
const DESCRIBED_CYCLE_LIMIT = 200;

/**
 * For each note of a cycle, a shortest way round it, starting and ending at that note: [A, B, A]
 * (in a very large cycle, undefined: the message then names the cycle's size instead).
 */
export function cycleRoutes(
  graph: DependencyGraph,
  component: readonly string[],
  only: readonly string[] = component,
): Map<string, string[] | undefined> {
  const routes = new Map<string, string[] | undefined>();
  if (component.length > DESCRIBED_CYCLE_LIMIT) {
    for (const node of only) routes.set(node, undefined);
    return routes;
  }
  const sub = sortedSubgraph(graph, [...component].sort());
  for (const node of only) {
    let best: string[] | undefined;
    for (const next of sub.outNeighbors(node)) {
      const back = bidirectional(sub, next, node);
      if (back && (!best || back.length + 1 < best.length)) best = [node, ...back];
    }
    routes.set(node, best);
  }
  return routes;
}
