import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  ALTERNATE_ICON_SIZES,
  colorIcon,
  outlineIcon,
  RIBBON_ICON_DIR,
  RIBBON_ICON_SIZES,
} from "../../../manifest/generate-icons.js";
import { pngSize } from "../../../manifest/png.js";

const committed = (name: string) => readFileSync(new URL(`../../../manifest/${name}`, import.meta.url));

/** RGBA pixels of one of our own PNGs (one IDAT chunk, filter type 0 on every row). */
function pixels(png: Buffer): number[][] {
  const { width, height } = pngSize(png);
  const idatLength = png.readUInt32BE(33);
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  const out: number[][] = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * (1 + width * 4) + 1 + x * 4;
      out.push([...rows.subarray(at, at + 4)]);
    }
  return out;
}

describe("the app's icons", () => {
  it("are committed exactly as manifest/generate-icons.ts draws them", () => {
    expect(committed("color.png").equals(colorIcon())).toBe(true);
    expect(committed("outline.png").equals(outlineIcon())).toBe(true);
    for (const size of [...RIBBON_ICON_SIZES, ...ALTERNATE_ICON_SIZES])
      expect(readFileSync(`${RIBBON_ICON_DIR}icon-${size}.png`).equals(colorIcon(size))).toBe(true);
  });

  it("give Outlook's alternate icons the sizes it measures: 64×64 and 128×128", () => {
    expect(ALTERNATE_ICON_SIZES.map((size) => pngSize(readFileSync(`${RIBBON_ICON_DIR}icon-${size}.png`)))).toEqual([
      { width: 64, height: 64 },
      { width: 128, height: 128 },
    ]);
  });

  it("have the sizes Teams requires: colour 192×192, outline 32×32", () => {
    expect(pngSize(colorIcon())).toEqual({ width: 192, height: 192 });
    expect(pngSize(outlineIcon())).toEqual({ width: 32, height: 32 });
  });

  it("draw the outline in white on a transparent background", () => {
    const all = pixels(outlineIcon());
    const visible = all.filter(([, , , a]) => (a ?? 0) > 0);
    expect(visible.length).toBeGreaterThan(50);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(all.length / 2);
    for (const [r, g, b] of visible) expect([r, g, b]).toEqual([255, 255, 255]);
  });

  it("fill the colour icon edge to edge (no transparent corners)", () => {
    expect(pixels(colorIcon()).every(([, , , a]) => a === 255)).toBe(true);
  });
});
