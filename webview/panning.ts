// Dragging the graph under software WebGL (SwiftShader, what a VS Code webview often gets on a
// machine without a usable GPU) cost 90-150 ms a frame at thousands of protocols: sigma redraws
// everything on each camera step and reads a pixel back on each mouse move to find the protocol
// under the pointer, and both wait on the rasterizer. A drag only slides the picture, so it is
// slid as a picture (a CSS translation of the drawn layers) and drawn afresh when it is dropped.
import type Sigma from 'sigma';
import type { NodeAttributes } from './graphState';

type Point = { x: number; y: number };

/**
 * While the graph is dragged the protocol under the pointer moves with it, and while the camera
 * glides nothing is being pointed at, so the hovered protocol is kept as it is until the view is
 * still again (the next move after that picks afresh). Clicks are not drags: they still pick.
 */
export function pickOnlyWhenStill(sigma: Sigma<NodeAttributes>, hovered: () => string | undefined): void {
  // getNodeAtPosition is sigma's own (private) picking; every hover and click goes through it.
  const picking = sigma as unknown as { getNodeAtPosition(position: Point): string | null };
  const pick = picking.getNodeAtPosition.bind(sigma);
  const captor = sigma.getMouseCaptor();
  const camera = sigma.getCamera();
  picking.getNodeAtPosition = (position) => (captor.isMoving || camera.isAnimated() ? (hovered() ?? null) : pick(position));
}

/**
 * During a mouse drag sigma's scheduled redraws become a translation of what was last drawn:
 * sigma's layers, the names and the marks follow the camera, the bands (full-width stripes) follow it up and
 * down only. Any real draw (the drop, the glide after it, a zoom, a refresh) puts the layers back
 * where they belong, so the picture after the drop is drawn from the camera where the drag left it.
 * Only for large graphs: a small one redraws within a frame anyway, and a slid picture shows blank
 * margins where the drag uncovers what was off screen.
 */
export function panByBitmap(sigma: Sigma<NodeAttributes>, bands: HTMLElement, overlays: HTMLElement[], large: () => boolean): void {
  const captor = sigma.getMouseCaptor();
  const camera = sigma.getCamera();
  const scheduleRender = sigma.scheduleRender.bind(sigma);
  let drawn = camera.getState();
  let slid = false;

  const slide = (offset: Point | undefined): void => {
    const moved = offset ? `translate(${offset.x}px, ${offset.y}px)` : '';
    // Not the mouse layer: sigma reads the pointer relative to it, so it must stay put.
    for (const [name, layer] of Object.entries(sigma.getCanvases())) if (name !== 'mouse') layer.style.transform = moved;
    for (const layer of overlays) layer.style.transform = moved;
    bands.style.transform = offset ? `translateY(${offset.y}px)` : '';
    slid = offset !== undefined;
  };

  /** How far the picture must move to show the camera's current view; undefined when it is not a slide. */
  const offset = (): Point | undefined => {
    const now = camera.getState();
    if (now.ratio !== drawn.ratio || now.angle !== drawn.angle) return undefined;
    const { width, height } = sigma.getDimensions();
    const centre = { x: width / 2, y: height / 2 };
    // The point now at the centre, and where the last draw (sigma's current matrix) put it.
    const before = sigma.framedGraphToViewport(sigma.viewportToFramedGraph(centre, { cameraState: now }));
    return { x: centre.x - before.x, y: centre.y - before.y };
  };

  sigma.scheduleRender = () => {
    const by = large() && captor.isMouseDown && captor.isMoving && !camera.isAnimated() ? offset() : undefined;
    if (by) slide(by);
    else scheduleRender();
    return sigma;
  };
  sigma.on('afterRender', () => {
    drawn = camera.getState();
    if (slid) slide(undefined);
  });
  // A drop without a glide (the pointer had stopped) schedules nothing of its own.
  captor.on('mouseup', () => {
    if (slid) scheduleRender();
  });
}
