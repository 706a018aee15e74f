// The frameworks a researcher can switch between: the built-in ones and the workspace's own
// `.protocol-atlas/frameworks/*.{yaml,yml,json}`. A broken framework file is shown in the Problems
// panel and left out; the choice is remembered per workspace and applied to the atlas at once.
import * as vscode from 'vscode';
import { builtinFrameworks, DEFAULT_FRAMEWORK_ID, frameworkIdTaken, MAX_FRAMEWORK_BYTES, parseFramework, type Framework } from '../core/framework';
import { toVscodeDiagnostic } from './features/diagnostics';
import { readWorkspaceFile } from './safeWorkspaceRead';
import type { Diagnostic } from '../core/vocabulary/model';
import type { AtlasService } from './atlasService';

const FRAMEWORK_GLOB = '**/.protocol-atlas/frameworks/*.{yaml,yml,json}';
/** A dependency's own `.protocol-atlas` folder is not the researcher's framework. */
const NEVER_FRAMEWORKS = '{**/node_modules/**,**/.git/**}';
const CHOICE_KEY = 'protocolAtlas.framework';
/** A framework file, or a folder above one (a renamed or deleted frameworks folder). */
const FRAMEWORK_PATH = /\/\.protocol-atlas(\/frameworks(\/[^/]+\.(ya?ml|json))?)?$/i;

export interface AvailableFramework {
  framework: Framework;
  /** The workspace file it was read from; undefined for a built-in framework. */
  uri?: vscode.Uri;
}

export class WorkspaceFrameworks implements vscode.Disposable {
  private workspaceFrameworks: AvailableFramework[] = [];
  private readonly problems = vscode.languages.createDiagnosticCollection('protocol-atlas-frameworks');
  private readonly disposables: vscode.Disposable[] = [this.problems];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  /** Fires when the list of frameworks changed (a file added, fixed, broken or removed). */
  readonly onDidChange = this.changeEmitter.event;
  /** Settles once the workspace's framework files are read and the remembered choice applied. */
  readonly ready: Promise<void>;
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly service: AtlasService,
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const reload = (uri?: vscode.Uri) => {
      if (uri && !FRAMEWORK_PATH.test(uri.path)) return;
      void this.reload();
    };
    // Every path, not only framework files: a renamed or deleted frameworks folder is reported
    // as the folder alone.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(watcher, this.changeEmitter, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => reload()));
    this.ready = this.reload();
  }

  all(): AvailableFramework[] {
    return [...builtinFrameworks().map((framework) => ({ framework })), ...this.workspaceFrameworks];
  }

  get current(): Framework {
    return this.service.atlas.framework;
  }

  /** Switch the atlas to a framework and remember it for this workspace. */
  async choose(id: string): Promise<boolean> {
    const chosen = this.all().find((available) => available.framework.id === id);
    if (!chosen) return false;
    await this.state.update(CHOICE_KEY, id);
    if (this.service.atlas.framework !== chosen.framework) this.service.atlas.setFramework(chosen.framework);
    this.log.info(`Framework: ${chosen.framework.title} (${chosen.framework.id}).`);
    return true;
  }

  /** Re-reads the framework files; the remembered choice is applied again (its rules may have changed). */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.readAll()).catch((error: unknown) => {
      this.log.error(`Could not read the workspace frameworks: ${error instanceof Error ? error.message : String(error)}`);
    });
    return this.reloading;
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }

  private async readAll(): Promise<void> {
    const uris = (await vscode.workspace.findFiles(FRAMEWORK_GLOB, NEVER_FRAMEWORKS)).sort((a, b) => a.toString().localeCompare(b.toString()));
    const found: AvailableFramework[] = [];
    const ids = new Set(builtinFrameworks().map((framework) => framework.id));
    this.problems.clear();
    for (const uri of uris) {
      const file = vscode.workspace.asRelativePath(uri);
      let diagnostics: Diagnostic[];
      let framework: Framework | undefined;
      try {
        const read = await readWorkspaceFile(uri, 4 * MAX_FRAMEWORK_BYTES);
        if (read.ok) ({ framework, diagnostics } = parseFramework(new TextDecoder().decode(read.bytes), file));
        else diagnostics = [unreadableFramework(file, `it ${read.reason}`)];
      } catch (error) {
        diagnostics = [unreadableFramework(file, error instanceof Error ? error.message : String(error))];
      }
      if (framework && ids.has(framework.id)) {
        diagnostics = [...diagnostics, frameworkIdTaken(file, framework.id)];
        framework = undefined;
      }
      if (framework) {
        ids.add(framework.id);
        found.push({ framework, uri });
      }
      if (diagnostics.length > 0) {
        this.problems.set(uri, diagnostics.map(toVscodeDiagnostic));
        this.log.warn(`Framework ${file} ${framework ? 'has warnings' : 'was left out'}: ${diagnostics.map((d) => d.message).join('; ')}`);
      }
    }
    this.workspaceFrameworks = found;
    this.log.info(`Frameworks: ${this.all().map((each) => each.framework.id).join(', ')} (${uris.length} workspace files).`);
    this.applyRemembered();
    this.changeEmitter.fire();
  }

  private applyRemembered(): void {
    const id = this.state.get<string>(CHOICE_KEY) ?? DEFAULT_FRAMEWORK_ID;
    const chosen =
      this.all().find((available) => available.framework.id === id) ??
      this.all().find((available) => available.framework.id === DEFAULT_FRAMEWORK_ID);
    if (chosen && this.service.atlas.framework !== chosen.framework) {
      // Same id, new object: the file was edited, so every verdict is evaluated again.
      this.service.atlas.setFramework(chosen.framework);
    }
  }
}


function unreadableFramework(file: string, reason: string): Diagnostic {
  const at = { line: 0, character: 0 };
  return { file, range: { start: at, end: at }, severity: 'error', code: 'invalid-framework', message: vscode.l10n.t('could not read the framework file: {0}', reason) };
}
