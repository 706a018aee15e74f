// The one `depends_on` edit the benchmark types, worked out beforehand with the core on the same
// notes: an application starts running on a compute network (negatively affected under the
// built-in framework) that it did not reach before, so its row in the Protocols view must change
// ("exposed to N negatively affected protocols" counts one more) and the graph must gain the edge.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Atlas } from '../../src/core/atlas';
import { indexFolder } from '../../src/node/indexFolder';

export interface EditPlan {
  /** The edited note, workspace-relative. */
  path: string;
  name: string;
  /** 1-based line of its `depends_on:` entry, for Go to Line. */
  line: number;
  /** 1-based column of that line's closing `]`: the insertion goes just before it. */
  column: number;
  /** Typed just before the closing `]` of that line, as one insertion. */
  insert: string;
  dependency: { path: string; name: string };
  exposureBefore: number;
  exposureAfter: number;
}

export class VaultModel {
  private readonly atlas: Atlas;

  constructor(private readonly vault: string) {
    this.atlas = new Atlas({ index: indexFolder(vault).index });
  }

  get count(): number {
    return this.atlas.index.paths().length;
  }

  pathOfName(name: string): string | undefined {
    return this.atlas.protocols().find((protocol) => protocol.name.value === name)?.path;
  }

  /** The edit for the protocol named `name`: a dependency on the first compute protocol it does not reach yet. */
  plan(name: string): EditPlan {
    const index = this.atlas.index;
    const target = this.pathOfName(name);
    if (!target) throw new Error(`No protocol named "${name}" in ${this.vault}.`);
    const reached = new Set([target]);
    const frontier = [target];
    while (frontier.length > 0) {
      for (const next of index.graph.outNeighbors(frontier.pop() as string)) {
        if (reached.has(next)) continue;
        reached.add(next);
        frontier.push(next);
      }
    }
    const compute = index
      .protocols()
      .filter((protocol) => protocol.layer.value === 'infrastructure' && protocol.category?.value === 'compute' && !reached.has(protocol.path))
      .sort((a, b) => (a.path < b.path ? -1 : 1))[0];
    if (!compute) throw new Error(`${name} already reaches every compute protocol: no edit changes its exposure.`);
    const text = fs.readFileSync(path.join(this.vault, target), 'utf8');
    const lines = text.split('\n');
    const line = lines.findIndex((each) => /^depends_on: \[.*\]$/.test(each));
    if (line < 0) throw new Error(`${target} has no one-line depends_on: [...] list.`);
    const empty = lines[line] === 'depends_on: []';
    const insert = `${empty ? '' : ', '}"${compute.name.value}"`;
    const exposureBefore = this.atlas.exposureCounts().get(target)?.count ?? 0;
    const edited = [...lines];
    edited[line] = `${lines[line].slice(0, -1)}${insert}]`;
    index.set(target, edited.join('\n'));
    const exposureAfter = this.atlas.exposureCounts().get(target)?.count ?? 0;
    index.set(target, text);
    return { path: target, name, line: line + 1, column: lines[line].length, insert, dependency: { path: compute.path, name: compute.name.value }, exposureBefore, exposureAfter };
  }

  dispose(): void {
    this.atlas.dispose();
  }
}

/** Whether a Protocols row label (aria-label "name: verdict · exposed to N negatively affected protocols, nearest: …") shows the planned exposure. */
export function showsExposure(label: string, count: number): boolean {
  const shown = /exposed to (\d+) negatively affected protocols?\b/.exec(label);
  return count === 0 ? shown === null : shown !== null && Number(shown[1]) === count;
}
