// The graph view as one HTML file to send someone: the SVG export's picture inline, with a small
// script for pan (drag), zoom (wheel), filters by layer, verdict and name, and the panel's hover
// card. It works offline from a file, with nothing to install.
//
// Notes are untrusted, and this file is opened in a browser, where markup would run. So nothing
// from a note is ever markup here: the picture's text is escaped (graphSvg.ts), the protocols'
// data sits in a JSON block with `<`, `>` and `&` written as \u escapes (no `</script>` can end
// it), the script builds the card with textContent only, and elements are found by their index,
// never by a note's text in an attribute. The Content Security Policy lets exactly this file's
// one script run (by its hash), so even markup that slipped through could run nothing.
import { createHash } from 'node:crypto';
import { exposureSentence } from './exposureText';
import { VERDICT_VALUES, type VerdictValue } from '../vocabulary/model';
import { visibleText, xmlText } from './untrustedText';
import type { GraphModel } from './graphModel';
import { graphViewTitle, graphViewToSvg, VERDICT_FILL } from './graphSvg';
import { categoryTitle, layerTitle, verdictTitle } from '../vocabulary/labels';

export interface HtmlOptions {
  /** A protocol's aliases, which the name filter also matches (the model does not carry them). */
  aliasesOf?: (id: string) => readonly string[];
}

/** What the page's script knows of a protocol: only text, shown with textContent. */
interface HtmlProtocol {
  name: string;
  aliases: string[];
  /** Index into the page's bands. */
  band: number;
  layer: string;
  category?: string;
  verdict: VerdictValue;
  verdictText: string;
  reason: string;
  section?: string;
  outlook?: { label: string; text: string };
  exposure: string;
}

interface HtmlData {
  protocols: HtmlProtocol[];
  /** The dot's colour of each verdict, for the card's swatch. */
  colours: Record<VerdictValue, string>;
}

/**
 * JSON that can sit inside a `<script type="application/json">`: `<`, `>` and `&` as \u escapes,
 * so no `</script>` or `<!--` in a note ends or bends the block, and U+2028/U+2029 too, which
 * older JavaScript parsers take for line ends. JSON.parse reads it back unchanged.
 */
export function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function graphViewToHtml(model: GraphModel, options: HtmlOptions = {}): string {
  const bandOf = new Map(model.bands.map((band, i) => [band.layer, i]));
  const unclassified = bandOf.get('unclassified') ?? model.bands.length - 1;
  const data: HtmlData = {
    protocols: model.nodes.map((node): HtmlProtocol => {
      const verdict = node.verdict;
      const category = node.category === undefined ? undefined : categoryTitle(node.category);
      const outlook = verdict.outlook;
      return {
        name: visibleText(node.name),
        aliases: (options.aliasesOf?.(node.id) ?? []).filter((alias) => typeof alias === 'string').map(visibleText),
        band: bandOf.get(node.layer) ?? unclassified,
        layer: `${layerTitle(node.layer)}${category ? ` · ${visibleText(category)}` : ''}`,
        ...(category !== undefined && { category: visibleText(category) }),
        verdict: verdict.value,
        verdictText: `${verdictTitle(verdict.value)}${node.override ? ' (your override)' : ''}`,
        reason: visibleText(verdict.rationale),
        ...(verdict.section && { section: `§${visibleText(verdict.section)}` }),
        ...(outlook && {
          outlook: { label: outlook.horizon === 'long-term' ? 'Long term' : 'Short term', text: `${verdictTitle(outlook.value)}: ${visibleText(outlook.rationale)}` },
        }),
        exposure: visibleText(exposureSentence(node.exposure.count, node.exposure.nearest ? [node.exposure.nearest] : [])),
      };
    }),
    colours: { ...VERDICT_FILL },
  };
  const title = graphViewTitle(model);
  const counts = new Map<VerdictValue, number>();
  for (const node of model.nodes) counts.set(node.verdict.value, (counts.get(node.verdict.value) ?? 0) + 1);
  const layerBoxes = model.bands
    .map((band, i) => `<label><input type="checkbox" checked data-band="${i}"> ${xmlText(band.label)} <span class="n">${band.count}</span></label>`)
    .join('\n      ');
  const verdictBoxes = VERDICT_VALUES
    .map(
      (value) =>
        `<label><input type="checkbox" checked data-verdict="${value}"> <span class="swatch" style="background:${VERDICT_FILL[value]}"></span>${verdictTitle(value)} <span class="n">${counts.get(value) ?? 0}</span></label>`,
    )
    .join('\n      ');
  const total = model.nodes.length;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${xmlText(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="bar">
  <fieldset class="layers"><legend>Layers</legend>
      ${layerBoxes}
  </fieldset>
  <fieldset class="verdicts"><legend>Verdicts</legend>
      ${verdictBoxes}
  </fieldset>
  <input class="search" type="search" placeholder="Filter by name, alias or category" aria-label="Filter protocols by name, alias or category" autocomplete="off" spellcheck="false">
  <output class="count" aria-live="polite">${total} of ${total} shown</output>
  <button type="button" class="fit">Fit</button>
  <span class="hint">drag to pan · wheel to zoom · hover a protocol for its reason</span>
</header>
<main class="stage">
${graphViewToSvg(model, { inHtml: true }).trimEnd()}
</main>
<div class="card" role="tooltip" hidden></div>
<script type="application/json" id="protocol-data">${jsonInHtml(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; font: 13px/1.4 system-ui, sans-serif; color: #212121; background: #ffffff; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; padding: 6px 12px; border-bottom: 1px solid #e0e0e0; background: #fafafa; }
fieldset { display: flex; flex-wrap: wrap; gap: 2px 10px; margin: 0; padding: 2px 8px 4px; border: 1px solid #e0e0e0; border-radius: 4px; }
legend { padding: 0 4px; color: #616161; font-size: 11px; }
label { white-space: nowrap; }
.n { color: #757575; font-size: 11px; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: -1px; }
.search { min-width: 20em; padding: 3px 6px; font: inherit; }
.count { color: #424242; font-variant-numeric: tabular-nums; }
.hint { color: #757575; font-size: 11px; }
.stage { position: relative; flex: 1; min-height: 0; overflow: hidden; cursor: grab; touch-action: none; user-select: none; }
.stage.dragging { cursor: grabbing; }
.stage svg { display: block; transform-origin: 0 0; }
g.protocol { cursor: default; }
g.protocol:hover circle { stroke: #212121; stroke-width: 2.5; }
.card { position: fixed; z-index: 1; max-width: 380px; padding: 8px 10px; border: 1px solid #bdbdbd; border-radius: 4px; background: #ffffff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2); pointer-events: none; overflow-wrap: anywhere; }
.card-name { font-weight: 600; font-size: 14px; margin-bottom: 2px; }
.card-row { margin-top: 3px; }
.card-key { color: #616161; margin-right: 6px; }
.card .swatch { margin-right: 6px; }
`;

// Plain ES2019 in a string: it runs as written in the reader's browser, and its hash in the
// CSP must match it exactly. No template literals or `${` in it.
const SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('protocol-data').textContent);
  var protocols = data.protocols;
  var stage = document.querySelector('.stage');
  var svg = stage.querySelector('svg');
  var card = document.querySelector('.card');
  var search = document.querySelector('.search');
  var count = document.querySelector('.count');
  var layerBoxes = Array.prototype.slice.call(document.querySelectorAll('input[data-band]'));
  var verdictBoxes = Array.prototype.slice.call(document.querySelectorAll('input[data-verdict]'));
  var groups = [];
  Array.prototype.forEach.call(svg.querySelectorAll('g.protocol'), function (group) {
    groups[Number(group.getAttribute('data-i'))] = group;
  });
  var edges = Array.prototype.slice.call(svg.querySelectorAll('path.edge'));
  var words = protocols.map(function (p) {
    return [p.name].concat(p.aliases, p.category ? [p.category] : []).map(function (w) { return w.toLowerCase(); });
  });
  var shown = [];

  function filter() {
    var bands = new Set();
    layerBoxes.forEach(function (box) { if (box.checked) bands.add(Number(box.getAttribute('data-band'))); });
    var verdicts = new Set();
    verdictBoxes.forEach(function (box) { if (box.checked) verdicts.add(box.getAttribute('data-verdict')); });
    var query = search.value.trim().toLowerCase();
    var n = 0;
    protocols.forEach(function (p, i) {
      var visible = bands.has(p.band) && verdicts.has(p.verdict) && (query === '' || words[i].some(function (w) { return w.indexOf(query) !== -1; }));
      shown[i] = visible;
      if (visible) n++;
      if (groups[i]) groups[i].style.display = visible ? '' : 'none';
    });
    edges.forEach(function (edge) {
      edge.style.display = shown[Number(edge.getAttribute('data-s'))] && shown[Number(edge.getAttribute('data-t'))] ? '' : 'none';
    });
    count.textContent = n + ' of ' + protocols.length + ' shown';
    hideCard();
  }
  layerBoxes.concat(verdictBoxes).forEach(function (box) { box.addEventListener('change', filter); });
  search.addEventListener('input', filter);

  var view = { x: 0, y: 0, k: 1 };
  function draw() {
    svg.style.transform = 'translate(' + view.x + 'px, ' + view.y + 'px) scale(' + view.k + ')';
  }
  function fit() {
    var box = stage.getBoundingClientRect();
    var width = svg.width.baseVal.value;
    var height = svg.height.baseVal.value;
    view.k = Math.min(1, box.width / width, box.height / height);
    view.x = Math.max(0, (box.width - width * view.k) / 2);
    view.y = 0;
    draw();
  }
  document.querySelector('.fit').addEventListener('click', fit);
  stage.addEventListener('wheel', function (event) {
    event.preventDefault();
    var box = stage.getBoundingClientRect();
    var px = event.clientX - box.left;
    var py = event.clientY - box.top;
    var k = Math.min(20, Math.max(0.05, view.k * Math.exp(-event.deltaY * 0.002)));
    view.x = px - (px - view.x) * (k / view.k);
    view.y = py - (py - view.y) * (k / view.k);
    view.k = k;
    draw();
    hideCard();
  }, { passive: false });
  var drag = null;
  stage.addEventListener('pointerdown', function (event) {
    if (event.button !== 0) return;
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
    stage.setPointerCapture(event.pointerId);
    stage.classList.add('dragging');
    hideCard();
  });
  stage.addEventListener('pointermove', function (event) {
    if (!drag) return;
    view.x = drag.vx + event.clientX - drag.x;
    view.y = drag.vy + event.clientY - drag.y;
    draw();
  });
  function endDrag() {
    drag = null;
    stage.classList.remove('dragging');
  }
  stage.addEventListener('pointerup', endDrag);
  stage.addEventListener('pointercancel', endDrag);

  function row(key, text) {
    var line = document.createElement('div');
    line.className = 'card-row';
    var label = document.createElement('span');
    label.className = 'card-key';
    label.textContent = key;
    var value = document.createElement('span');
    value.textContent = text;
    line.append(label, value);
    return line;
  }
  function showCard(i, event) {
    var p = protocols[i];
    var name = document.createElement('div');
    name.className = 'card-name';
    name.textContent = p.name;
    var verdict = document.createElement('div');
    verdict.className = 'card-row card-verdict';
    var swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = Object.prototype.hasOwnProperty.call(data.colours, p.verdict) ? data.colours[p.verdict] : '#9e9e9e';
    var verdictText = document.createElement('span');
    verdictText.textContent = p.verdictText;
    verdict.append(swatch, verdictText);
    var rows = [name, row('Layer', p.layer), verdict, row('Reason', p.reason)];
    if (p.section) rows.push(row('Section', p.section));
    if (p.outlook) rows.push(row(p.outlook.label, p.outlook.text));
    rows.push(row('Exposure', p.exposure));
    card.replaceChildren.apply(card, rows);
    card.hidden = false;
    var rect = card.getBoundingClientRect();
    var left = event.clientX + 16;
    var top = event.clientY + 16;
    if (left + rect.width > window.innerWidth - 8) left = Math.max(8, event.clientX - 16 - rect.width);
    if (top + rect.height > window.innerHeight - 8) top = Math.max(8, event.clientY - 16 - rect.height);
    card.style.left = left + 'px';
    card.style.top = top + 'px';
  }
  function hideCard() {
    card.hidden = true;
  }
  svg.addEventListener('pointerover', function (event) {
    var group = event.target.closest('g.protocol');
    if (group && !drag) showCard(Number(group.getAttribute('data-i')), event);
  });
  svg.addEventListener('pointerout', function (event) {
    var group = event.target.closest('g.protocol');
    if (group && !(event.relatedTarget && group.contains(event.relatedTarget))) hideCard();
  });
  window.addEventListener('resize', fit);
  fit();
  filter();
})();
`;

/** Only the script above may run: no other inline script, handler, URL or plugin. */
const HTML_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  `script-src 'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
