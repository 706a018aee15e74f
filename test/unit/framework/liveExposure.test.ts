// Exposure kept across edits (liveExposure.ts) must be exactly what a fresh atlas of the same notes
// computes, routes and ties included, and an edit must cost what the edited protocols reach, not
// the whole graph.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Atlas } from '../../../src/core/atlas';
import { LiveExposure } from '../../../src/core/framework/liveExposure';
import { createDependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { emptyChange, type IndexChange } from '../../../src/core/vocabulary/protocol';
import type { Verdict } from '../../../src/core/vocabulary/model';

const note = (name: string, layer: string, category: string | undefined, dependsOn: string[]): string =>
  `---\nprotocol: ${JSON.stringify(name)}\nlayer: ${layer}\n${category ? `category: ${category}\n` : ''}depends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n---\n\n# ${name}\n`;

function everyExposure(atlas: Atlas, nearest: number) {
  return atlas.index.paths().map((path) => [path, atlas.exposure(path, nearest)]);
}

const sortedCounts = (atlas: Atlas) => [...atlas.exposureCounts()].sort(([a], [b]) => (a < b ? -1 : 1));

describe('live exposure', () => {
  it('after any edits, asked at any point, equals a fresh atlas of the same notes (property)', () => {
    const names = ['io.net', 'Akash', 'Eliza', 'Pilot', 'Scout', 'Zeta', 'Grass', 'Render'];
    const paths = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md', 'g.md'];
    // compute infrastructure is negatively affected under the built-in framework; the others mix.
    const kinds: Array<[string, string | undefined]> = [
      ['infrastructure', 'compute'],
      ['infrastructure', 'storage'],
      ['middleware', 'agent-framework'],
      ['application', 'defai'],
      ['model', undefined],
    ];
    const step = fc.oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('set' as const),
          path: fc.constantFrom(...paths),
          name: fc.constantFrom(...names),
          layer: fc.constantFrom(...kinds),
          dependsOn: fc.subarray(names, { maxLength: 4 }),
        }),
        weight: 6,
      },
      fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths) }),
      { arbitrary: fc.record({ kind: fc.constant('ask' as const), nearest: fc.constantFrom(1, 3, Infinity), counts: fc.boolean() }), weight: 3 },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const atlas = new Atlas();
        const texts = new Map<string, string>();
        for (const each of steps) {
          if (each.kind === 'set') {
            const text = note(each.name, each.layer[0], each.layer[1], each.dependsOn);
            texts.set(each.path, text);
            atlas.index.set(each.path, text);
            continue;
          }
          if (each.kind === 'delete') {
            texts.delete(each.path);
            atlas.index.delete(each.path);
            continue;
          }
          const fresh = new Atlas();
          fresh.index.build([...texts].map(([path, text]) => ({ path, text })));
          if (each.counts) assert.deepEqual(sortedCounts(atlas), sortedCounts(fresh));
          assert.deepEqual(everyExposure(atlas, each.nearest), everyExposure(fresh, each.nearest));
          assert.deepEqual(everyExposure(atlas, 1), everyExposure(fresh, 1));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('patches an edit from what the edited protocol reaches, not from the whole graph', () => {
    // 1,000 applications, each on its own framework, each framework on one of 10 compute networks.
    const graph = createDependencyGraph();
    const add = (key: string) => graph.mergeNode(key, { name: key, layer: 'unclassified' });
    for (let i = 0; i < 10; i++) add(`compute-${i}`);
    for (let i = 0; i < 1000; i++) {
      add(`framework-${i}`);
      add(`app-${i}`);
      graph.mergeEdge(`framework-${i}`, `compute-${i % 10}`);
      graph.mergeEdge(`app-${i}`, `framework-${i}`);
    }
    const asked = new Set<string>();
    const bad: Verdict = { value: 'negative', rationale: 'r', source: 'framework' };
    const good: Verdict = { value: 'positive', rationale: 'r', source: 'framework' };
    const verdictOf = (path: string): Verdict => {
      asked.add(path);
      return path.startsWith('compute-') ? bad : good;
    };
    const exposure = new LiveExposure(() => graph, verdictOf);
    assert.equal(exposure.counts().get('app-7')?.count, 1);
    assert.equal(asked.size, graph.order);

    // app-7 now also runs on framework-8: it reaches compute-7 and compute-8.
    asked.clear();
    graph.mergeEdge('app-7', 'framework-8');
    const change: IndexChange = { ...emptyChange(), edgesAdded: [['app-7', 'framework-8']] };
    exposure.noteChange(change);
    assert.equal(exposure.counts().get('app-7')?.count, 2);
    assert.deepEqual(exposure.of('app-7', 3).nearest.map((each) => each.path.join(' > ')), ['app-7 > framework-7 > compute-7', 'app-7 > framework-8 > compute-8']);
    assert.equal(exposure.counts().get('app-8')?.count, 1);
    assert.deepEqual([...asked].sort(), ['app-7', 'compute-7', 'compute-8', 'framework-7', 'framework-8']);
  });
});
