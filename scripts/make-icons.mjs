// Draws Hatrack's icons (a top hat) into assets/ as PNGs: deterministic, no dependencies, no downloads.
//   node scripts/make-icons.mjs           writes the files
//   node scripts/make-icons.mjs --check   fails when a committed icon differs from what this script draws
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// ---- PNG (RGBA, 8 bit) ----------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- Shapes in unit coordinates (x right, y down) ------------------------------------------------------------
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const inEllipse = (x, y, cx, cy, rx, ry) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** The hat: 0 outside, 1 crown or brim, 2 band. `g` scales it inside its box (1 fills the box). */
function hat(x, y, g = 1) {
  const u = 0.5 + (x - 0.5) / g;
  const v = 0.5 + (y - 0.5) / g;
  const brim = inEllipse(u, v, 0.5, 0.76, 0.47, 0.12);
  // The crown narrows a little towards the top, like a real top hat.
  const t = Math.min(Math.max((v - 0.12) / (0.76 - 0.12), 0), 1);
  const half = 0.19 + 0.03 * t;
  const crown = inRoundRect(u, v, 0.5 - half, 0.12, 0.5 + half, 0.78, 0.04);
  if (!brim && !crown) return 0;
  if (crown && v >= 0.56 && v <= 0.66) return 2;
  return 1;
}

const SS = 4; // 4×4 samples per pixel: smooth edges, same bytes every run.

function render(size, shade) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [cr, cg, cb, ca] = shade((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const o = (py * size + px) * 4;
      const n = SS * SS;
      rgba[o + 3] = Math.round((a / n) * 255);
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
    }
  }
  return encodePng(size, size, rgba);
}

/** The app icon: a rounded square in a deep blue gradient, a cream hat with an orange band. */
function appIcon(x, y) {
  const m = 0.06;
  if (!inRoundRect(x, y, m, m, 1 - m, 1 - m, 0.2)) return [0, 0, 0, 0];
  const k = hat(x, y + 0.02, 0.72);
  if (k === 2) return [255, 153, 0, 1];
  if (k === 1) return [246, 241, 232, 1];
  const t = (x + y) / 2;
  return [Math.round(22 + 20 * t), Math.round(54 + 40 * t), Math.round(92 + 70 * t), 1];
}

/** Tray glyphs: one colour with alpha; the band is cut out so the shape reads at 16 px. */
const glyph = (rgb) => (x, y) => (hat(x, y, 0.98) === 1 ? [...rgb, 1] : [0, 0, 0, 0]);

const FILES = [
  ['assets/icon.png', 512, appIcon],
  // macOS template images: black + alpha; the system tints them for light and dark menu bars.
  ['assets/tray/trayTemplate.png', 16, glyph([0, 0, 0])],
  ['assets/tray/trayTemplate@2x.png', 32, glyph([0, 0, 0])],
  // Windows/Linux: tray-light is for light panels (a dark glyph), tray-dark for dark panels (a white glyph).
  ['assets/tray/tray-light.png', 16, glyph([34, 34, 34])],
  ['assets/tray/tray-light@2x.png', 32, glyph([34, 34, 34])],
  ['assets/tray/tray-dark.png', 16, glyph([255, 255, 255])],
  ['assets/tray/tray-dark@2x.png', 32, glyph([255, 255, 255])],
];

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, size, shade] of FILES) {
  const png = render(size, shade);
  const path = join(root, file);
  if (check) {
    if (!existsSync(path) || !readFileSync(path).equals(png)) {
      console.error(`make-icons: ${file} is missing or out of date; run node scripts/make-icons.mjs`);
      stale++;
    }
    continue;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
  console.log(`make-icons: ${file} (${size}×${size}, ${png.length} bytes)`);
}
if (stale > 0) process.exit(1);
