// The atlas: one index of notes seen through one framework. It keeps verdicts, exposure and
// search in step with the index, so the CLI, the extension and the webview ask one object. Each is
// computed on first use: `check` needs none of them, `report` no search.
import { Emitter, type Disposable } from './vocabulary/events';
import type { Exposure, ProtocolNote, Verdict } from './vocabulary/model';
import { ProtocolIndex, type IndexChange } from './index/protocolIndex';
import type { Protocol } from './vocabulary/protocol';
import { DEFAULT_NEAREST, evaluate, exposureOf, type ExposureSummary, type Framework, type ProtocolExposure } from './framework';
import { LiveExposure } from './framework/liveExposure';
import { builtinFrameworks, DEFAULT_FRAMEWORK_ID } from './framework/builtin';
import { ProtocolSearch, type SearchEntry } from './search/protocolSearch';
import { BUILTIN_VOCABULARY, type Vocabulary } from './vocabulary/taxonomy';

export interface AtlasChange {
  index?: IndexChange;
  /** Set when the framework was switched: every verdict may have changed. */
  frameworkChanged?: boolean;
}

export class Atlas implements Disposable {
  readonly index: ProtocolIndex;
  private currentFramework: Framework;
  private readonly verdicts = new Map<string, Verdict>();
  private searchIndex: ProtocolSearch | undefined;
  /** The words the search was built with: another vocabulary builds it again. */
  private searchVocabulary: Vocabulary | undefined;
  private readonly vocabulary: () => Vocabulary;
  private readonly liveExposure: LiveExposure;
  private readonly changeEmitter = new Emitter<AtlasChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: Disposable;

  /**
   * `vocabulary` is asked on each search: the words the index's notes are read in (the
   * `protocolAtlas.synonyms` setting), so a researcher's own word for a category finds it.
   */
  constructor(options: { index?: ProtocolIndex; framework?: Framework; vocabulary?: () => Vocabulary } = {}) {
    this.index = options.index ?? new ProtocolIndex();
    this.vocabulary = options.vocabulary ?? (() => BUILTIN_VOCABULARY);
    this.currentFramework = options.framework ?? defaultFramework();
    this.liveExposure = new LiveExposure(() => this.index.graph, this.verdictOf);
    this.subscription = this.index.onDidChange((change) => this.indexChanged(change));
  }

  /** The fuzzy search over names, aliases, categories and layers; built when first asked for. */
  get search(): ProtocolSearch {
    const vocabulary = this.vocabulary();
    if (!this.searchIndex || this.searchVocabulary !== vocabulary) {
      this.searchVocabulary = vocabulary;
      this.searchIndex = new ProtocolSearch(undefined, vocabulary);
      this.searchIndex.replaceAll(this.index.paths().map((path) => searchEntry(this.index.note(path) as ProtocolNote)));
    }
    return this.searchIndex;
  }

  get framework(): Framework {
    return this.currentFramework;
  }

  setFramework(framework: Framework): void {
    this.currentFramework = framework;
    this.verdicts.clear();
    this.liveExposure.forget();
    this.changeEmitter.fire({ frameworkChanged: true });
  }

  /** The protocol's own verdict under the current framework (with its override, if any). */
  verdictOf = (path: string): Verdict => {
    let verdict = this.verdicts.get(path);
    if (!verdict) {
      const protocol = this.index.protocol(path);
      verdict = protocol
        ? evaluate(this.currentFramework, {
            layer: protocol.layer.value,
            category: protocol.category?.value,
            tags: protocol.tags,
            override: protocol.override,
          })
        : evaluate(this.currentFramework, { layer: 'unclassified' });
      this.verdicts.set(path, verdict);
    }
    return verdict;
  };

  /**
   * Every negatively affected protocol this one depends on, each with its path: a search of its
   * own, for one protocol at a time (the graph's highlight). Over many protocols, ask `exposure`.
   */
  exposureOf(path: string, limit = Infinity): Exposure[] {
    return exposureOf(this.index.graph, path, this.verdictOf, limit);
  }

  /**
   * How many negatively affected protocols this one depends on, and the `nearest` nearest of them
   * (`Infinity`: all), each with a shortest path. Every protocol's comes from one pass over the
   * graph, patched after edits for the protocols they can reach (see liveExposure.ts).
   */
  exposure(path: string, nearest: number = DEFAULT_NEAREST): ProtocolExposure {
    return this.liveExposure.of(path, nearest);
  }

  /** How many negatively affected protocols each protocol reaches and the nearest, for colouring many at once. */
  exposureCounts(): Map<string, ExposureSummary> {
    return this.liveExposure.counts();
  }

  protocols(): Protocol[] {
    return this.index.protocols();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private indexChanged(change: IndexChange): void {
    const search = this.searchIndex;
    for (const path of change.removed) {
      this.verdicts.delete(path);
      search?.delete(path);
    }
    for (const path of [...change.added, ...change.updated]) {
      this.verdicts.delete(path);
      const note = search && this.index.note(path);
      if (note) search.set(searchEntry(note));
    }
    // Exposure follows edges and verdicts downstream: what depends on a changed note, on next ask.
    this.liveExposure.noteChange(change);
    this.changeEmitter.fire({ index: change });
  }
}

export function defaultFramework(): Framework {
  const framework = builtinFrameworks().find((candidate) => candidate.id === DEFAULT_FRAMEWORK_ID);
  if (!framework) throw new Error(`The built-in framework ${DEFAULT_FRAMEWORK_ID} is missing from the build.`);
  return framework;
}

/** From the parsed note: the search needs no resolved links (a Protocol resolves every mention). */
function searchEntry(note: ProtocolNote): SearchEntry {
  return {
    id: note.path,
    name: note.name.value,
    aliases: note.aliases,
    category: note.category?.value,
    layer: note.layer.value,
  };
}
