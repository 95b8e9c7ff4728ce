/**
 * The 2-D classification sets TensorFlow Playground users know, seeded. Points live in the square
 * [−6, 6]²; labels are 0 and 1; `noise` is the standard deviation of Gaussian jitter added to each
 * coordinate (0 = clean shapes). Written from the shapes' descriptions, not from Playground's code.
 */
import { createRandom, type Random } from "../core/random.js";
import type { Dataset } from "./parseCsv.js";

export const DATASETS_2D = ["circle", "xor", "gauss", "spiral"] as const;
export type Dataset2dName = (typeof DATASETS_2D)[number];

export interface Dataset2dOptions {
  /** Number of points (default 200, half of each class). */
  samples?: number;
  /** Gaussian jitter on each coordinate (default 0.5). */
  noise?: number;
  seed?: number;
}

type PointMaker = (random: Random, label: number, index: number, perClass: number) => [number, number];

const makers: Record<Dataset2dName, PointMaker> = {
  // class 1 inside radius 2, class 0 in the ring between 3.5 and 5
  circle(random, label) {
    const radius = label === 1 ? 2 * Math.sqrt(random.uniform()) : 3.5 + 1.5 * random.uniform();
    const angle = 2 * Math.PI * random.uniform();
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  },
  // class 1 where x·y > 0; points kept 0.3 away from the axes so the clean shape is separable
  xor(random, label) {
    const away = () => 0.3 + 4.7 * random.uniform();
    const sx = random.uniform() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    return [sx * away(), sy * away()];
  },
  // two round blobs of sd 1 around (2, 2) and (−2, −2)
  gauss(random, label) {
    const centre = label === 1 ? 2 : -2;
    return [centre + random.normal(), centre + random.normal()];
  },
  // two interleaved arms of an Archimedean spiral, one turn and a half each
  spiral(_random, label, index, perClass) {
    const t = (index / perClass) * 3 * Math.PI;
    const radius = 0.4 + (5 * index) / perClass;
    const phase = label === 1 ? 0 : Math.PI;
    return [radius * Math.sin(t + phase), radius * Math.cos(t + phase)];
  },
};

export function dataset2d(name: Dataset2dName, options: Dataset2dOptions = {}): Dataset {
  const { samples = 200, noise = 0.5, seed = 1 } = options;
  const random = createRandom(seed);
  const perClass = Math.ceil(samples / 2);
  const x = new Float64Array(samples * 2);
  const y = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const label = i % 2;
    const [a, b] = makers[name](random, label, Math.floor(i / 2), perClass);
    x[2 * i] = a + noise * random.normal();
    x[2 * i + 1] = b + noise * random.normal();
    y[i] = label;
  }
  return {
    source: name,
    featureNames: ["x1", "x2"],
    targetName: "y",
    n: samples,
    p: 2,
    x,
    y,
    droppedRows: 0,
    constantColumns: [],
  };
}
