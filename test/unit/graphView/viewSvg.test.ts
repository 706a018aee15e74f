// The SVG export: every protocol and band drawn, and nothing from a note left unescaped.
import * as assert from 'assert';
import stringWidth from 'string-width';
import { Atlas } from '../../../src/core/atlas';
import { indexFolder } from '../../../src/node/indexFolder';
import { buildGraphView } from './wholeView';
import { escapeXml, graphViewToSvg } from '../../../src/core/present/graphSvg';

const HOSTILE = `<script>alert("x")</script> & <img src=x onerror='y'>`;

function atlasOf(notes: Array<{ path: string; name: string; layer: string; dependsOn?: string[] }>): Atlas {
  const atlas = new Atlas();
  atlas.index.build(
    notes.map((note) => ({
      path: note.path,
      text: `---\nprotocol: ${JSON.stringify(note.name)}\nlayer: ${note.layer}\ndepends_on: ${JSON.stringify(note.dependsOn ?? [])}\n---\n`,
    })),
  );
  return atlas;
}

describe('graph view as SVG', () => {
  it('draws each protocol, each edge and the four bands', () => {
    const atlas = atlasOf([
      { path: 'a.md', name: 'Alpha', layer: 'application', dependsOn: ['Beta'] },
      { path: 'b.md', name: 'Beta', layer: 'infrastructure' },
    ]);
    const svg = graphViewToSvg(buildGraphView(atlas));
    assert.strictEqual(svg.match(/<g class="protocol">/g)?.length, 2);
    assert.strictEqual(svg.match(/<path class="edge"/g)?.length, 1);
    assert.strictEqual(svg.match(/<rect class="band"/g)?.length, 4);
    assert.ok(svg.includes('>Alpha</text>') && svg.includes('>Beta</text>'));
  });

  it('keeps every band inside the picture, with a title, the framework and a legend', () => {
    const atlas = atlasOf([
      { path: 'a.md', name: 'Alpha', layer: 'application', dependsOn: ['Beta'] },
      { path: 'b.md', name: 'Beta', layer: 'infrastructure' },
    ]);
    const svg = graphViewToSvg(buildGraphView(atlas));
    const height = Number(/<svg [^>]*height="([\d.]+)"/.exec(svg)![1]);
    const width = Number(/<svg [^>]*width="([\d.]+)"/.exec(svg)![1]);
    assert.ok(Number.isInteger(width) && Number.isInteger(height), `whole pixels, so a PNG at 2× is twice the size: ${width} × ${height}`);
    for (const [, y, h] of svg.matchAll(/<rect class="band" x="0" y="(-?[\d.]+)" width="[\d.]+" height="([\d.]+)"/g)) {
      assert.ok(Number(y) >= 0 && Number(y) + Number(h) <= height, `band ${y}+${h} inside 0–${height}`);
    }
    assert.match(svg, /<text class="title"[^>]*>Protocol Atlas · layer graph · /);
    for (const word of ['Positive', 'Negative', 'Mixed', 'Not assessed', 'your override']) assert.ok(svg.includes(`>${word}</text>`), `the legend has ${word}`);
  });

  it('bends an edge that skips a band, with its head at the dot rather than under a name', () => {
    const atlas = atlasOf([
      { path: 'a.md', name: 'Alpha', layer: 'application', dependsOn: ['Beta', 'Gamma'] },
      { path: 'g.md', name: 'Gamma', layer: 'model' },
      { path: 'b.md', name: 'Beta', layer: 'infrastructure' },
    ]);
    const svg = graphViewToSvg(buildGraphView(atlas));
    const paths = [...svg.matchAll(/<path class="edge" d="([^"]+)"/g)].map((match) => match[1]);
    assert.strictEqual(paths.length, 2);
    assert.strictEqual(paths.filter((d) => d.includes('Q')).length, 1, 'application → infrastructure bends; application → model is straight');
    // No name sits where an edge ends (the old export put names above the dot, where heads land).
    const names = [...svg.matchAll(/<text class="name" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</g)].map((match) => ({ x: Number(match[1]), y: Number(match[2]), width: stringWidth(match[3]) * 12 * 0.6 }));
    for (const d of paths) {
      const [endX, endY] = d.split(/[ LQ]/).pop()!.split(',').map(Number);
      for (const name of names) assert.ok(!(endX >= name.x - 1 && Math.abs(endY - name.y) < 8 && endX <= name.x + name.width + 1), `an edge ends on a name at ${endX},${endY}`);
    }
  });

  it('puts no name on an arrowhead, on the 110-protocol landscape vault', () => {
    // Issue 13: the old export put names where arrowheads land.
    const atlas = new Atlas({ index: indexFolder('examples/web3-ai-landscape').index });
    const svg = graphViewToSvg(buildGraphView(atlas));
    const names = [...svg.matchAll(/<text class="name" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</g)].map((match) => {
      const width = stringWidth(match[3]) * 12 * 0.6;
      return { text: match[3], x: Number(match[1]), y: Number(match[2]) - 8, width, height: 16 };
    });
    assert.ok(names.length > 50, `most protocols are named: ${names.length}`);
    const heads = [...svg.matchAll(/<path class="edge"[^>]* d="([^"]+)"/g)].map((match) => {
      const numbers = match[1].split(/[ MLQ,]+/).filter(Boolean).map(Number);
      const [tipX, tipY] = numbers.slice(-2);
      const [fromX, fromY] = numbers.slice(-4, -2);
      const length = Math.hypot(tipX - fromX, tipY - fromY) || 1;
      // The head: its tip, and its base 8.4 px back.
      return { tip: { x: tipX, y: tipY }, base: { x: tipX - ((tipX - fromX) * 8.4) / length, y: tipY - ((tipY - fromY) * 8.4) / length } };
    });
    assert.ok(heads.length > 100, `the dependencies are drawn: ${heads.length}`);
    const inside = (point: { x: number; y: number }, box: { x: number; y: number; width: number; height: number }): boolean =>
      point.x > box.x && point.x < box.x + box.width && point.y > box.y && point.y < box.y + box.height;
    const covered = heads.flatMap((head) =>
      names
        .filter((name) => inside(head.tip, name) || inside(head.base, name) || inside({ x: (head.tip.x + head.base.x) / 2, y: (head.tip.y + head.base.y) / 2 }, name))
        .map((name) => `${name.text} at ${head.tip.x},${head.tip.y}`),
    );
    assert.deepStrictEqual(covered, [], 'no arrowhead under a name');
    atlas.dispose();
  });

  it('escapes names, so a note cannot add elements or attributes', () => {
    const atlas = atlasOf([{ path: 'h.md', name: HOSTILE, layer: 'model' }]);
    const svg = graphViewToSvg(buildGraphView(atlas));
    assert.ok(!svg.includes('<script'), 'no script element');
    assert.ok(!svg.includes('<img'), 'no img element');
    assert.ok(svg.includes(escapeXml(HOSTILE)), 'the name is there, escaped');
    // Every tag in the output is one the exporter writes itself.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z?][\w-]*)/g)].map((match) => match[1]));
    for (const tag of tags) assert.ok(['?xml', 'circle', 'defs', 'g', 'line', 'marker', 'path', 'rect', 'svg', 'text', 'title'].includes(tag), `unexpected <${tag}>`);
  });

  it('shows characters XML cannot hold (or a reader cannot see) as visible symbols', () => {
    assert.strictEqual(escapeXml('a\u0000b\u0007c'), 'a\u2400b\u2407c');
    assert.strictEqual(escapeXml('\u202Egnp.exe'), '⟨U+202E⟩gnp.exe');
    assert.strictEqual(escapeXml('\uFFFE\uD800'), '\uFFFD\uFFFD', 'not even a visible symbol exists for these');
    assert.strictEqual(escapeXml(`<&>"'`), '&lt;&amp;&gt;&quot;&apos;');
  });
});
