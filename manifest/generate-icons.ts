/**
 * Draws the app's icons (an open front door): `color.png` 192×192 (white door on the accent colour) and
 * `outline.png` 32×32 (white outline on transparent, as Teams requires) next to this script, for the package; and
 * `icon-16/32/80.png` for the Outlook ribbon button and `icon-64/128.png` for the Outlook add-in's `alternateIcons`
 * (what Outlook clients without the unified manifest show) into tab/public/icons/, because Outlook loads those from
 * the service at `<publicBaseUrl>/tab/icons/` (Vite copies public/ into the built tab).
 * Run `npx tsx manifest/generate-icons.ts` after changing the drawing.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { encodePng, type Pixel } from "./png.js";

export const ACCENT = "#2E6B5E";
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;
/** `alternateIcons`: a 64×64 icon and a 128×128 high-resolution one (both declared as size 64, as the schema asks). */
export const ALTERNATE_ICON_SIZES = [64, 128] as const;
/** Where the ribbon icons are committed: the tab's public folder, served under /tab/icons/. */
export const RIBBON_ICON_DIR = fileURLToPath(new URL("../tab/public/icons/", import.meta.url));

const accent: Pixel = [0x2e, 0x6b, 0x5e, 255];
const white: Pixel = [255, 255, 255, 255];
const clear: Pixel = [255, 255, 255, 0];

/** The door in unit coordinates: an arched rectangle, `inset` thinner on every side. */
function inDoor(x: number, y: number, inset = 0): boolean {
  const half = 0.17 - inset;
  const archY = 0.42;
  const body = Math.abs(x - 0.5) <= half && y >= archY && y <= 0.8 - inset;
  return body || Math.hypot(x - 0.5, y - archY) <= half;
}
const inKnob = (x: number, y: number): boolean => Math.hypot(x - 0.6, y - 0.62) <= 0.028;

/** Averages 4×4 samples per pixel so edges are smooth at 16 px. */
function draw(size: number, paint: (x: number, y: number) => Pixel): (px: number, py: number) => Pixel {
  const n = 4;
  return (px, py) => {
    const sum = [0, 0, 0, 0];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const c = paint((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size);
        for (let k = 0; k < 4; k++) sum[k]! += (c[k] ?? 0) * (k === 3 ? 1 : (c[3] ?? 0) / 255);
      }
    const alpha = (sum[3] ?? 0) / (n * n);
    const colour = (k: number) => (alpha === 0 ? 255 : Math.round((sum[k] ?? 0) / (n * n) / (alpha / 255)));
    return [colour(0), colour(1), colour(2), Math.round(alpha)];
  };
}

const colourDoor = (x: number, y: number): Pixel => (inDoor(x, y) && !inKnob(x, y) ? white : accent);
const outlineDoor = (x: number, y: number): Pixel =>
  (inDoor(x, y, -0.08) && !inDoor(x, y, -0.01)) || inKnob(x, y) ? white : clear;

export const colorIcon = (size = 192): Buffer => encodePng(size, draw(size, colourDoor));
export const outlineIcon = (): Buffer => encodePng(32, draw(32, outlineDoor));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  writeFileSync(here("color.png"), colorIcon());
  writeFileSync(here("outline.png"), outlineIcon());
  mkdirSync(RIBBON_ICON_DIR, { recursive: true });
  for (const size of [...RIBBON_ICON_SIZES, ...ALTERNATE_ICON_SIZES]) {
    writeFileSync(`${RIBBON_ICON_DIR}icon-${size}.png`, colorIcon(size));
  }
  console.log("Wrote manifest/color.png, outline.png, and the Outlook icons in tab/public/icons/.");
}
