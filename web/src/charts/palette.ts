// Okabe–Ito colours (safe for every common colour-vision deficiency), the darker ones only: each keeps
// a 3:1 contrast with the white page (WCAG 1.4.11). Series differ in shape and dash too, never in
// colour alone.
export const PALETTE = {
  target: '#0072B2', // blue, dashed line, hollow circles
  actual: '#D55E00', // vermillion, solid line, filled squares
  revised: '#000000', // black diamond and the word 改定
  base: '#0072B2',
  compare: '#D55E00',
  single: '#009E73', // bluish green
} as const;
