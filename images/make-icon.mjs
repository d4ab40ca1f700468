// Draws images/icon.png (128×128 RGBA): a rounded dark tile with an open ring (a socket being
// closed) and a bar through it. Run `node images/make-icon.mjs`; plain zlib, no dependencies.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Colour at a point (0..128), or undefined for transparent. */
function shade(x, y) {
  const c = SIZE / 2;
  // Rounded square tile.
  const r = 24;
  const qx = Math.max(Math.abs(x - c) - (c - r), 0);
  const qy = Math.max(Math.abs(y - c) - (c - r), 0);
  if (Math.hypot(qx, qy) > r) return undefined;
  const dx = x - c;
  const dy = y - c;
  const distance = Math.hypot(dx, dy);
  const angle = Math.atan2(dy, dx);
  // The bar: a thick diagonal from bottom-left to top-right, in orange.
  const along = (dx - dy) / Math.SQRT2;
  const across = (dx + dy) / Math.SQRT2;
  if (Math.abs(across) < 6 && Math.abs(along) < 40) return [249, 115, 22];
  // The open ring, with a gap at the top.
  if (distance > 30 && distance < 42 && Math.abs(angle + Math.PI / 2) > 0.55) return [226, 232, 240];
  return [30, 41, 59];
}

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    let red = 0, green = 0, blue = 0, alpha = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const colour = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!colour) continue;
        red += colour[0];
        green += colour[1];
        blue += colour[2];
        alpha += 1;
      }
    }
    const o = 1 + px * 4;
    if (alpha > 0) {
      row[o] = Math.round(red / alpha);
      row[o + 1] = Math.round(green / alpha);
      row[o + 2] = Math.round(blue / alpha);
      row[o + 3] = Math.round((255 * alpha) / (SAMPLES * SAMPLES));
    }
  }
  rows.push(row);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
