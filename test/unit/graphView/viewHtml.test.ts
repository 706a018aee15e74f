// The interactive HTML export: a note's text stays text (no markup, no script, nothing in an
// attribute), the CSP lets exactly the file's own script run, and the page's data says what the
// model says.
import * as assert from 'assert';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { Atlas } from '../../../src/core/atlas';
import { buildGraphView } from './wholeView';
import { graphViewToHtml, jsonInHtml } from '../../../src/core/present/graphHtml';

const SCRIPT_BREAKOUT = '</script><script>alert(1)</script>';
const IMG_HANDLER = '<img src=x onerror=alert(1)>';
const PROBE = 'Qz-attribute-probe';

function atlasOf(notes: Array<{ path: string; name: string; layer: string; dependsOn?: string[]; extra?: string }>): Atlas {
  const atlas = new Atlas();
  atlas.index.build(
    notes.map((note) => ({
      path: note.path,
      text: `---\nprotocol: ${JSON.stringify(note.name)}\nlayer: ${note.layer}\ndepends_on: ${JSON.stringify(note.dependsOn ?? [])}\n${note.extra ?? ''}---\n`,
    })),
  );
  return atlas;
}

function hostileAtlas(): Atlas {
  return atlasOf([
    { path: 'application/breakout.md', name: SCRIPT_BREAKOUT, layer: 'application', dependsOn: ['io.net'], extra: `aliases: [${JSON.stringify(`${PROBE} alias`)}]\n` },
    { path: 'application/img.md', name: IMG_HANDLER, layer: 'application', extra: `category: ${JSON.stringify(`${PROBE}</script>`)}\n` },
    { path: 'infrastructure/io-net.md', name: 'io.net', layer: 'infrastructure', extra: 'category: compute\naliases: [IO]\n' },
    { path: 'model/probe.md', name: `${PROBE}" onmouseover="alert(1)`, layer: 'model', dependsOn: ['io.net'] },
  ]);
}

/** The page's parts, found the way a browser's parser would end them: at the first `</script`. */
function parts(html: string) {
  const data = /<script type="application\/json" id="protocol-data">([\s\S]*?)<\/script/i.exec(html);
  const script = /<script>([\s\S]*?)<\/script/i.exec(html);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(data && script && csp, 'the data block, the script and the CSP are there');
  return { data: data[1], script: script[1], csp: csp[1] };
}

describe('graph view as interactive HTML', () => {
  it("keeps hostile names text: two script elements, both the product's, no image, nothing from a note in an attribute", () => {
    const atlas = hostileAtlas();
    const html = graphViewToHtml(buildGraphView(atlas), { aliasesOf: (id) => atlas.index.note(id)?.aliases ?? [] });
    assert.strictEqual(html.match(/<script/gi)?.length, 2, 'only the data block and the product script open a script');
    assert.strictEqual(html.match(/<\/script/gi)?.length, 2, 'no note ends a script element');
    assert.ok(!/<img/i.test(html), 'no <img> element');
    // Outside the scripts every `<` opens the product's own tag (a note's is &lt;): no handler in
    // them, and every attribute value is the product's (classes, numbers, colours, the CSP).
    const markup = html.replace(/(<script[^>]*>)[\s\S]*?(<\/script>)/g, '$1$2');
    const tags = markup.match(/<[a-zA-Z][^>]*>/g) ?? [];
    assert.ok(tags.length > 50, `the page's tags: ${tags.length}`);
    for (const tag of tags) {
      for (const [, name, value] of tag.matchAll(/\s([\w:-]+)(?:="([^"]*)")?/g)) {
        assert.ok(!/^on/i.test(name), `an event handler: ${tag}`);
        assert.ok(!value?.includes(PROBE), `an attribute holds note text: ${tag}`);
      }
    }
    // The names are still there for a reader, escaped in the picture.
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;'), 'the breakout name is drawn as text');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the image name is drawn as text');
    atlas.dispose();
  });

  it('writes the data block with <, >, &, U+2028 and U+2029 as \\u escapes, and reads back the same', () => {
    assert.strictEqual(jsonInHtml({ a: '</script><!--&\u2028\u2029' }), '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = jsonInHtml(value);
        assert.ok(!/[<>&\u2028\u2029]/.test(text), text);
        assert.deepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("lets only its own script run: the CSP's one hash is the script's", () => {
    const atlas = hostileAtlas();
    const { script, csp } = parts(graphViewToHtml(buildGraphView(atlas)));
    const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepStrictEqual(directives.get('default-src'), ["'none'"]);
    assert.deepStrictEqual(directives.get('script-src'), [`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`]);
    assert.deepStrictEqual(directives.get('style-src'), ["'unsafe-inline'"]);
    assert.deepStrictEqual(directives.get('img-src'), ['data:']);
    assert.ok(!script.includes('${') && !script.includes('innerHTML') && !script.includes('eval'), 'the script is literal and builds no markup');
    atlas.dispose();
  });

  it('carries each protocol as the model has it, matched to its dot and edges by index', () => {
    const atlas = hostileAtlas();
    const model = buildGraphView(atlas);
    const html = graphViewToHtml(model, { aliasesOf: (id) => atlas.index.note(id)?.aliases ?? [] });
    const { data } = parts(html);
    const protocols = (JSON.parse(data) as { protocols: Array<{ name: string; aliases: string[]; band: number; layer: string; verdict: string; reason: string }> }).protocols;
    assert.strictEqual(protocols.length, model.nodes.length);
    model.nodes.forEach((node, i) => {
      assert.strictEqual(protocols[i].name, node.name);
      assert.strictEqual(protocols[i].verdict, node.verdict.value);
      assert.strictEqual(protocols[i].reason, node.verdict.rationale);
      assert.strictEqual(model.bands[protocols[i].band].layer, node.layer);
    });
    const breakout = protocols[model.nodes.findIndex((node) => node.id === 'application/breakout.md')];
    assert.deepStrictEqual(breakout.aliases, [`${PROBE} alias`]);
    const io = protocols[model.nodes.findIndex((node) => node.id === 'infrastructure/io-net.md')];
    assert.strictEqual(io.layer, 'Infrastructure · Compute');
    assert.deepStrictEqual(io.aliases, ['IO']);
    // One dot per protocol, numbered as the data; each edge names its two protocols' numbers.
    assert.deepStrictEqual([...html.matchAll(/<g class="protocol" data-i="(\d+)">/g)].map((match) => Number(match[1])), model.nodes.map((_, i) => i));
    const edges = [...html.matchAll(/<path class="edge" data-s="(\d+)" data-t="(\d+)"/g)].map((match) => `${model.nodes[Number(match[1])].id}->${model.nodes[Number(match[2])].id}`);
    assert.deepStrictEqual(edges.sort(), model.edges.map((edge) => `${edge.source}->${edge.target}`).sort());
    atlas.dispose();
  });

  it('says what it shows: the title with the framework, the legend, every band and its checkbox', () => {
    const atlas = hostileAtlas();
    const model = buildGraphView(atlas);
    const html = graphViewToHtml(model);
    assert.match(html, /<title>Protocol Atlas · layer graph · [^<]+<\/title>/);
    assert.match(html, /<text class="title"[^>]*>Protocol Atlas · layer graph · /);
    for (const word of ['Positive', 'Negative', 'Mixed', 'Not assessed', 'your override']) assert.ok(html.includes(`>${word}</text>`), `the legend has ${word}`);
    assert.strictEqual(html.match(/<rect class="band"/g)?.length, model.bands.length);
    assert.deepStrictEqual([...html.matchAll(/data-band="(\d+)"/g)].map((match) => Number(match[1])), model.bands.map((_, i) => i));
    assert.ok(html.includes(`${model.nodes.length} of ${model.nodes.length} shown`));
    assert.ok(!html.includes('<?xml'), 'no XML declaration inside HTML');
    atlas.dispose();
  });
});
