// examples/deepseek-2025-zh is the English example written as a Chinese researcher would write it:
// Chinese layer and category words, folders, aliases and prose. The product claims to read such
// notes exactly as it reads English ones, so the two workspaces must give the same verdicts,
// exposure and graph; any difference is a word the product failed to understand.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Atlas } from '../../../src/core/atlas';
import { builtinFrameworks } from '../../../src/core/framework/builtin';
import type { Framework } from '../../../src/core/framework';
import type { Verdict } from '../../../src/core/vocabulary/model';
import { reportDiagnostics } from '../../../src/core/present/report';
import { loadWorkspaceFrameworks } from '../../../src/node/frameworks';
import { indexFolder } from '../../../src/node/indexFolder';
import { HAN, inChinese } from '../present/chineseBundle';

const ENGLISH = path.resolve(__dirname, '../../../examples/deepseek-2025');
const CHINESE = path.resolve(__dirname, '../../../examples/deepseek-2025-zh');

// The illustrative applications are named in Chinese; every real protocol keeps its own name.
const CHINESE_NAME = new Map([
  ['Hivemind Desk', '蜂巢研究台'],
  ['Ledger Scout', '链上侦察兵'],
  ['Yield Pilot', '收益领航员'],
]);
const toChinese = (name: string) => CHINESE_NAME.get(name) ?? name;

interface Workspace {
  folder: string;
  atlas: Atlas;
  frameworks: Framework[];
  nameOf: (notePath: string) => string;
  pathOf: Map<string, string>;
}

function open(folder: string): Workspace {
  const { index, skipped } = indexFolder(folder);
  assert.deepEqual(skipped, [], `${folder}: every note is read`);
  const workspace = loadWorkspaceFrameworks(folder);
  assert.deepEqual(workspace.diagnostics, [], `${folder}: its framework files are valid`);
  const atlas = new Atlas({ index });
  const pathOf = new Map(atlas.protocols().map((protocol) => [protocol.name.value, protocol.path]));
  const nameOf = (notePath: string) => index.protocol(notePath)?.name.value ?? `(no note at ${notePath})`;
  return { folder, atlas, frameworks: [...builtinFrameworks(), ...workspace.frameworks], nameOf, pathOf };
}

/**
 * What a verdict says, leaving out the words it says it in: the override's reason and the translated
 * framework's rationale and section are Chinese (the rule id names the rule either way).
 */
function judgement(verdict: Verdict): unknown {
  return {
    value: verdict.value,
    source: verdict.source,
    ruleId: verdict.ruleId,
    strength: verdict.strength,
    horizon: verdict.horizon,
    outlook: verdict.outlook && { horizon: verdict.outlook.horizon, value: verdict.outlook.value },
    framework: verdict.frameworkVerdict && judgement(verdict.frameworkVerdict),
  };
}

describe('the Chinese example workspace (examples/deepseek-2025-zh)', () => {
  let english: Workspace;
  let chinese: Workspace;
  before(() => {
    english = open(ENGLISH);
    chinese = open(CHINESE);
  });
  after(() => {
    english.atlas.dispose();
    chinese.atlas.dispose();
  });

  const englishPath = (name: string) => english.pathOf.get(name)!;
  const chinesePath = (englishName: string) => {
    const found = chinese.pathOf.get(toChinese(englishName));
    assert.ok(found, `no Chinese note for ${englishName} (named ${toChinese(englishName)})`);
    return found;
  };

  it('holds the same protocols, with the same layers, categories, aliases, overrides and funding', () => {
    assert.deepEqual([...chinese.pathOf.keys()].sort(), [...english.pathOf.keys()].map(toChinese).sort());
    for (const name of english.pathOf.keys()) {
      const a = english.atlas.index.protocol(englishPath(name))!;
      const b = chinese.atlas.index.protocol(chinesePath(name))!;
      assert.equal(b.layer.value, a.layer.value, `${name}: layer`);
      assert.equal(b.category?.value, a.category?.value, `${name}: category`);
      // Chinese aliases are added where researchers use them (比特张量, 文件币), none taken away.
      for (const alias of a.aliases) assert.ok(b.aliases.includes(alias), `${name}: alias ${alias}`);
      assert.equal(b.override?.verdict, a.override?.verdict, `${name}: override`);
      assert.equal(b.funding, a.funding, `${name}: funding`);
    }
  });

  it('is written in Chinese: layers and categories in the article’s words, Chinese folders, a Chinese alias as a dependency', () => {
    const notes = chinese.atlas.protocols();
    const han = /\p{Script=Han}/u;
    for (const protocol of notes) {
      const text = fs.readFileSync(path.join(CHINESE, protocol.path), 'utf8');
      assert.match(protocol.path.split('/')[0], han, `${protocol.path}: a Chinese folder`);
      const layerLine = /^layer: (.*)$/m.exec(text);
      if (layerLine) assert.match(layerLine[1], han, `${protocol.path}: layer written in Chinese`);
      const categoryLine = /^category: (.*)$/m.exec(text)!;
      if (categoryLine[1] !== 'DeFAI') assert.match(categoryLine[1], han, `${protocol.path}: category written in Chinese`);
      assert.match(text.split('\n---\n')[1], /^## \p{Script=Han}/mu, `${protocol.path}: Chinese headings`);
    }
    // The layer fallbacks, in Chinese: a folder named 基础设施层 or 中间件层, a layer/中间件层 tag.
    const sources = notes.map((protocol) => protocol.layer.source);
    assert.ok(sources.filter((source) => source === 'folder').length >= 2, 'layers from folders');
    assert.ok(sources.includes('tag'), 'a layer from a tag');
    const hivemind = chinese.atlas.index.note(chinesePath('Hivemind Desk'))!;
    assert.ok(hivemind.dependsOn.some((ref) => ref.target === '比特张量'), 'a dependency named by its Chinese alias');
  });

  it('gives every protocol the same verdict under every framework it offers', () => {
    assert.deepEqual(
      chinese.frameworks.map((framework) => framework.id),
      english.frameworks.map((framework) => framework.id),
    );
    for (const [i, framework] of english.frameworks.entries()) {
      english.atlas.setFramework(framework);
      chinese.atlas.setFramework(chinese.frameworks[i]);
      for (const name of english.pathOf.keys()) {
        assert.deepEqual(
          judgement(chinese.atlas.verdictOf(chinesePath(name))),
          judgement(english.atlas.verdictOf(englishPath(name))),
          `${name} under ${framework.id}`,
        );
      }
    }
    // And the article's calls are really there, not merely equal: compute negative, DeFAI strongest.
    english.atlas.setFramework(english.frameworks[0]);
    chinese.atlas.setFramework(chinese.frameworks[0]);
    assert.equal(chinese.atlas.verdictOf(chinesePath('io.net')).value, 'negative');
    assert.equal(chinese.atlas.verdictOf(chinesePath('Yield Pilot')).strength, 'strongest');
  });

  it('gives every protocol the same verdict in both display languages, the built-in framework’s reasons in Chinese under zh-CN', () => {
    // Each workspace read again under each language: the index, its diagnostics and the framework
    // as the extension (at activation) or the CLI (--lang zh) would have them.
    const verdicts = (folder: string, map: (name: string) => string) => {
      const workspace = open(folder);
      try {
        return new Map([...english.pathOf.keys()].map((name) => [name, workspace.atlas.verdictOf(workspace.pathOf.get(map(name))!)]));
      } finally {
        workspace.atlas.dispose();
      }
    };
    const readings = {
      'English notes, English display': verdicts(ENGLISH, (n) => n),
      'Chinese notes, English display': verdicts(CHINESE, toChinese),
      'English notes, Chinese display': inChinese(() => verdicts(ENGLISH, (n) => n)),
      'Chinese notes, Chinese display': inChinese(() => verdicts(CHINESE, toChinese)),
    };
    const expected = readings['English notes, English display'];
    for (const [reading, found] of Object.entries(readings)) {
      for (const [name, verdict] of expected) assert.deepEqual(judgement(found.get(name)!), judgement(verdict), `${name}: ${reading}`);
    }
    for (const reading of ['English notes, Chinese display', 'Chinese notes, Chinese display'] as const) {
      for (const [name, verdict] of readings[reading]) {
        // Overrides keep the researcher's own words, in whatever language they wrote them.
        const framework = verdict.source === 'override' ? verdict.frameworkVerdict! : verdict;
        assert.match(framework.rationale, HAN, `${name}: ${reading}`);
        assert.doesNotMatch(framework.rationale, /Not assessed|the article/, `${name}: ${reading}`);
        if (framework.outlook) assert.match(framework.outlook.rationale, HAN, `${name}: outlook`);
        if (framework.section) assert.match(framework.section, /^(TLDR|\d)/, `${name}: section`);
      }
    }
    assert.equal(readings['English notes, Chinese display'].get('io.net')!.section, '2、3（利空）');
    assert.equal(expected.get('io.net')!.section, '2, 3 (negative)');
  });

  it('gives every protocol the same exposure: the count and the nearest paths, in order', () => {
    english.atlas.setFramework(english.frameworks[0]);
    chinese.atlas.setFramework(chinese.frameworks[0]);
    let exposed = 0;
    for (const name of english.pathOf.keys()) {
      const a = english.atlas.exposure(englishPath(name), Infinity);
      const b = chinese.atlas.exposure(chinesePath(name), Infinity);
      const routes = (workspace: Workspace, nearest: typeof a.nearest, map: (name: string) => string) =>
        nearest.map((exposure) => exposure.path.map((step) => map(workspace.nameOf(step))));
      assert.equal(b.count, a.count, `${name}: exposure count`);
      assert.deepEqual(routes(chinese, b.nearest, (n) => n), routes(english, a.nearest, toChinese), `${name}: nearest paths`);
      if (a.count > 0) exposed++;
    }
    assert.ok(exposed >= 7, `${exposed} protocols exposed`);
  });

  it('draws the same dependency graph', () => {
    const edges = (workspace: Workspace, map: (name: string) => string) => {
      const list: string[] = [];
      workspace.atlas.index.graph.forEachEdge((_edge, _attributes, source, target) => list.push(`${map(workspace.nameOf(source))} -> ${map(workspace.nameOf(target))}`));
      return list.sort();
    };
    const expected = edges(english, toChinese);
    assert.equal(expected.length, 15);
    assert.deepEqual(edges(chinese, (n) => n), expected);
  });

  it('checks with the same problems (none), and every body link names a note', () => {
    assert.deepEqual(reportDiagnostics(chinese.atlas), reportDiagnostics(english.atlas));
    for (const protocol of chinese.atlas.protocols()) {
      const note = chinese.atlas.index.note(protocol.path)!;
      for (const mention of note.mentions) {
        assert.ok(chinese.atlas.index.resolve(mention.target), `${protocol.path}: [[${mention.target}]] names no note`);
      }
      assert.ok(protocol.mentions.length > 0, `${protocol.path} links to another note`);
    }
  });
});
