// The atlas: one index of notes seen through one framework. It keeps verdicts, exposure and
// search in step with the index, so the CLI, the extension and the webview ask one object.
import { Emitter, type Disposable } from './events';
import type { Exposure, Verdict } from './model';
import { ProtocolIndex, type IndexChange } from './index/protocolIndex';
import type { Protocol } from './index/protocol';
import { evaluate, exposureOf, exposureSummary, type Framework } from './framework';
import { BUILTIN_FRAMEWORKS, DEFAULT_FRAMEWORK_ID } from './framework/builtin';
import { ProtocolSearch, type SearchEntry } from './search/protocolSearch';

export interface AtlasChange {
  index?: IndexChange;
  /** Set when the framework was switched: every verdict may have changed. */
  frameworkChanged?: boolean;
}

export class Atlas implements Disposable {
  readonly index: ProtocolIndex;
  readonly search = new ProtocolSearch();
  private currentFramework: Framework;
  private readonly verdicts = new Map<string, Verdict>();
  private summary: Map<string, { count: number; nearest?: Exposure }> | undefined;
  private readonly changeEmitter = new Emitter<AtlasChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly subscription: Disposable;

  constructor(options: { index?: ProtocolIndex; framework?: Framework } = {}) {
    this.index = options.index ?? new ProtocolIndex();
    this.currentFramework = options.framework ?? defaultFramework();
    this.search.replaceAll(this.index.protocols().map(searchEntry));
    this.subscription = this.index.onDidChange((change) => this.indexChanged(change));
  }

  get framework(): Framework {
    return this.currentFramework;
  }

  setFramework(framework: Framework): void {
    this.currentFramework = framework;
    this.verdicts.clear();
    this.summary = undefined;
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

  /** Every negatively affected protocol this one depends on, each with its path. */
  exposureOf(path: string): Exposure[] {
    return exposureOf(this.index.graph, path, this.verdictOf);
  }

  /** How many negatively affected protocols each protocol reaches, for colouring many at once. */
  exposureCounts(): Map<string, { count: number; nearest?: Exposure }> {
    this.summary ??= exposureSummary(this.index.graph, this.verdictOf);
    return this.summary;
  }

  protocols(): Protocol[] {
    return this.index.protocols();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private indexChanged(change: IndexChange): void {
    for (const path of change.removed) {
      this.verdicts.delete(path);
      this.search.delete(path);
    }
    for (const path of [...change.added, ...change.updated]) {
      this.verdicts.delete(path);
      const protocol = this.index.protocol(path);
      if (protocol) this.search.set(searchEntry(protocol));
    }
    // Exposure follows edges and verdicts anywhere downstream: recompute lazily on next ask.
    this.summary = undefined;
    this.changeEmitter.fire({ index: change });
  }
}

export function defaultFramework(): Framework {
  const framework = BUILTIN_FRAMEWORKS.find((candidate) => candidate.id === DEFAULT_FRAMEWORK_ID);
  if (!framework) throw new Error(`The built-in framework ${DEFAULT_FRAMEWORK_ID} is missing from the build.`);
  return framework;
}

function searchEntry(protocol: Protocol): SearchEntry {
  return {
    id: protocol.path,
    name: protocol.name.value,
    aliases: protocol.aliases,
    category: protocol.category?.value,
    layer: protocol.layer.value,
  };
}
