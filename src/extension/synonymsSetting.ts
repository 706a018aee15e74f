// The `protocolAtlas.synonyms` setting as the vocabulary notes are read in. A cloned repository's
// .vscode/settings.json can set it, so the core checks it as untrusted data; here what it left
// out is written to the output channel, and shown once in a notification (again only when what
// is wrong changes), never thrown.
import * as vscode from 'vscode';
import { readSynonyms, synonymProblemTexts } from '../core/vocabulary/synonyms';
import type { Vocabulary } from '../core/vocabulary/taxonomy';

export class SynonymsSetting {
  /** The problems last shown in a notification, one a line ('' for none). */
  private shown = '';

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The built-in words and the setting's usable ones, as the setting is now. */
  read(): Vocabulary {
    const read = readSynonyms(vscode.workspace.getConfiguration('protocolAtlas').get<unknown>('synonyms'));
    const texts = synonymProblemTexts(read);
    for (const text of texts) this.log.warn(text);
    const key = texts.join('\n');
    if (texts.length > 0 && key !== this.shown) {
      const count = read.problems.length + read.moreProblems;
      const showOutput = vscode.l10n.t('Show Output');
      const message =
        count === 1
          ? vscode.l10n.t('Protocol Atlas left out one of your synonyms: {0}', texts[0])
          : vscode.l10n.t('Protocol Atlas left out {0} of your synonyms (see the output). The first: {1}', count, texts[0]);
      void vscode.window.showWarningMessage(message, showOutput).then((answer) => {
        if (answer === showOutput) this.log.show(true);
      });
    }
    this.shown = key;
    return read.vocabulary;
  }
}
