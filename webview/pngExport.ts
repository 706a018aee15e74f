// The PNG export: the extension's SVG export (title, framework, legend, bands, names placed so
// none covers another) drawn on a canvas at the chosen scale. The screen's canvases gave a PNG
// at screen resolution with none of those, cut to whatever the viewport showed.
// The SVG is loaded as an image, which runs no script and fetches nothing, whatever a note's
// name says; the page's CSP allows data: images for it.
import * as l10n from '@vscode/l10n';
import { MAX_DATA_URL_LENGTH, type ExtensionMessage, type WebviewMessage } from '../src/webviewProtocol';

type PngRequest = Extract<ExtensionMessage, { type: 'exportPng' }>;
type PngResult = Extract<WebviewMessage, { type: 'exportResult' }>;

/**
 * Many GPUs take no texture over 16,384 pixels a side, and a canvas of 8192 × 8192 already takes
 * 256 MB and seconds to encode: a larger picture is drawn at the scale that fits.
 */
const MAX_SIDE = 16384;
const MAX_PIXELS = 8192 * 8192;

/** The largest scale up to `asked` at which a width × height picture fits a canvas. */
function fittingScale(width: number, height: number, asked: number): number {
  const fits = Math.min(asked, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
  // Two decimals, floored: the rounded pixel size must still fit.
  return Math.floor(fits * 100) / 100;
}

export async function exportPng(request: PngRequest): Promise<PngResult> {
  const fail = (error: string): PngResult => ({ type: 'exportResult', requestId: request.requestId, dataUrl: null, error });
  try {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(request.svg)}`;
    await image.decode();
    const { naturalWidth: width, naturalHeight: height } = image;
    if (!(width > 0 && height > 0)) return fail('the SVG has no size');
    const scale = fittingScale(width, height, request.scale);
    if (!(scale > 0)) return fail(l10n.t('the picture is too large for a PNG; export it as SVG instead'));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) return fail(l10n.t('this window could not give a canvas to draw on'));
    // An SVG image is drawn from its vectors at the canvas's size, so text stays sharp at any scale.
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL('image/png');
    if (!dataUrl.startsWith('data:image/png;base64,')) return fail(l10n.t('the canvas could not encode a PNG of this size; try a smaller protocolAtlas.export.pngScale'));
    if (dataUrl.length > MAX_DATA_URL_LENGTH) return fail('the PNG is too large to hand over; try a smaller protocolAtlas.export.pngScale, or export SVG');
    return { type: 'exportResult', requestId: request.requestId, dataUrl, scale };
  } catch (error) {
    return fail(`the picture could not be drawn: ${String(error).slice(0, 400)}`);
  }
}
