/**
 * The decision surface on a canvas: P(class 1) on an R × R grid in the diverging blue–white–red
 * scale of the CLI's boundary figure, scaled up smoothly, with the points on top (training rows
 * filled, test rows as rings). Canvas, not SVG: it is redrawn every frame while training runs —
 * so the cells are coloured without allocating, and the points, which stay put during a run, are
 * drawn once onto a layer of their own and copied on top each frame (200 arcs a frame were a third
 * of the map's cost).
 */
const BLUE = [33, 102, 172];
const WHITE = [247, 247, 247];
const RED = [178, 24, 43];

export function probabilityColor(p: number): [number, number, number] {
  const t = Math.min(1, Math.max(0, p));
  const [from, to, s] = t < 0.5 ? [BLUE, WHITE, t / 0.5] : [WHITE, RED, (t - 0.5) / 0.5];
  return [0, 1, 2].map((k) => Math.round(from[k]! + s * (to[k]! - from[k]!))) as [number, number, number];
}

/** probabilityColor written straight into pixels[offset…offset + 2]: the same numbers, no arrays. */
export function writeProbabilityColor(p: number, pixels: Uint8ClampedArray, offset: number): void {
  const t = Math.min(1, Math.max(0, p));
  const low = t < 0.5;
  const from = low ? BLUE : WHITE;
  const to = low ? WHITE : RED;
  const s = low ? t / 0.5 : (t - 0.5) / 0.5;
  pixels[offset] = Math.round(from[0]! + s * (to[0]! - from[0]!));
  pixels[offset + 1] = Math.round(from[1]! + s * (to[1]! - from[1]!));
  pixels[offset + 2] = Math.round(from[2]! + s * (to[2]! - from[2]!));
}

export interface HeatmapPoints {
  x: Float64Array;
  y: Float64Array;
  isTrain?: Uint8Array;
}

export class Heatmap {
  readonly canvas: HTMLCanvasElement;
  private readonly cells: HTMLCanvasElement;
  private image: ImageData | null = null;
  /** The points drawn once, and what they were drawn for (redrawn when any of it changes). */
  private readonly pointsLayer: HTMLCanvasElement;
  private pointsDrawn: {
    points: HeatmapPoints;
    isTrain: Uint8Array | undefined;
    low: number;
    high: number;
  } | null = null;
  private axis: Float64Array = new Float64Array([0, 1]);

  constructor(size: number, label: string) {
    this.canvas = document.createElement("canvas");
    this.canvas.width = size;
    this.canvas.height = size;
    this.canvas.className = "heatmap";
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", label);
    this.cells = document.createElement("canvas");
    this.pointsLayer = document.createElement("canvas");
  }

  /** Data coordinates of a pixel position in the canvas (for clicks). */
  toData(px: number, py: number): [number, number] {
    const [low, high] = this.extent();
    const size = this.canvas.width;
    return [low + (px / size) * (high - low), high - (py / size) * (high - low)];
  }

  /** The data range both axes span, [low, high]. */
  extent(): [number, number] {
    const a = this.axis;
    const half = a.length > 1 ? (a[1]! - a[0]!) / 2 : 0.5;
    return [a[0]! - half, a.at(-1)! + half];
  }

  draw(grid: Float64Array | null, axis: Float64Array, points: HeatmapPoints, dim = false): void {
    this.axis = axis;
    const R = axis.length;
    const context = this.canvas.getContext("2d")!;
    const size = this.canvas.width;
    context.clearRect(0, 0, size, size);
    if (grid) {
      if (this.cells.width !== R) {
        this.cells.width = R;
        this.cells.height = R;
        this.image = null;
      }
      const cellContext = this.cells.getContext("2d")!;
      this.image ??= cellContext.createImageData(R, R);
      const pixels = this.image.data;
      for (let j = 0; j < R; j++)
        for (let i = 0; i < R; i++) {
          // row j of the grid is x2 = axis[j]; canvas rows run top-down, so flip
          const offset = 4 * ((R - 1 - j) * R + i);
          writeProbabilityColor(grid[j * R + i]!, pixels, offset);
          pixels[offset + 3] = dim ? 70 : 200;
        }
      cellContext.putImageData(this.image, 0, 0);
      context.imageSmoothingEnabled = true;
      context.drawImage(this.cells, 0, 0, size, size);
    } else {
      context.fillStyle = "#eee";
      context.fillRect(0, 0, size, size);
    }
    context.drawImage(this.pointsLayerFor(points), 0, 0);
  }

  /** The points on a transparent layer the canvas's size, drawn again only when they change. */
  private pointsLayerFor(points: HeatmapPoints): HTMLCanvasElement {
    const [low, high] = this.extent();
    const size = this.canvas.width;
    const drawn = this.pointsDrawn;
    if (
      drawn &&
      drawn.points.x === points.x &&
      drawn.points.y === points.y &&
      drawn.low === low &&
      drawn.high === high &&
      this.pointsLayer.width === size &&
      sameFlags(drawn.isTrain, points.isTrain)
    )
      return this.pointsLayer;
    this.pointsDrawn = { points, isTrain: points.isTrain?.slice(), low, high };
    this.pointsLayer.width = size;
    this.pointsLayer.height = size;
    const context = this.pointsLayer.getContext("2d")!;
    context.clearRect(0, 0, size, size);
    const toPixel = (v: number, flip: boolean) => {
      const s = ((v - low) / (high - low)) * size;
      return flip ? size - s : s;
    };
    for (let i = 0; i < points.y.length; i++) {
      const px = toPixel(points.x[2 * i]!, false);
      const py = toPixel(points.x[2 * i + 1]!, true);
      const color = points.y[i] === 1 ? "#b2182b" : "#2166ac";
      context.beginPath();
      context.arc(px, py, 3.4, 0, 2 * Math.PI);
      if (!points.isTrain || points.isTrain[i]) {
        context.fillStyle = color;
        context.fill();
        context.strokeStyle = "white";
        context.lineWidth = 1;
        context.stroke();
      } else {
        context.strokeStyle = color;
        context.lineWidth = 1.6;
        context.stroke();
      }
    }
    return this.pointsLayer;
  }
}

function sameFlags(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
