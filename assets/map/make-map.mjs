#!/usr/bin/env node
// make-map.mjs: makes assets/map/land.txt, the land the home screen's map
// draws, from Natural Earth's 1:110m land (public domain) as the npm
// package world-atlas (ISC) carries it as TopoJSON.
//
//   node assets/map/make-map.mjs        (from anywhere; needs node and npm)
//
// It fetches world-atlas@2.0.2 with `npm pack` into a temporary folder,
// decodes the TopoJSON (quantised, delta-coded arcs), and writes each
// ring of the land as one line of "lon,lat" pairs in degrees with two
// decimals, outer rings and holes alike (the program fills them with the
// even-odd rule, so a ring's direction does not matter). A ring across
// the 180th meridian is written with continuous longitudes (Chukotka runs
// on to 190 E), so no edge jumps across the map; the program draws every
// ring again 360 degrees east and west. Antarctica, the one ring around
// a pole, is left out: it would need the pole's edge, and no twin city is
// near it. Points closer
// than 0.05 degrees to the one before are left out: far below a pixel on
// a 4K screen showing half the world. Re-runnable; the output is committed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const VERSION = "2.0.2";
const here = dirname(fileURLToPath(import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "make-map-"));
try {
  execFileSync("npm", ["pack", "--silent", `world-atlas@${VERSION}`], { cwd: tmp });
  execFileSync("tar", ["xzf", `world-atlas-${VERSION}.tgz`], { cwd: tmp });
  const topo = JSON.parse(readFileSync(join(tmp, "package", "land-110m.json"), "utf8"));
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;

  // Each arc to absolute lon/lat: its points are deltas of quantised ints.
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  // A ring is a list of arc indices; ~i is arc i backwards. Consecutive
  // arcs share their joining point, kept once.
  const ring = (ids) => {
    const out = [];
    for (const id of ids) {
      const a = id < 0 ? arcs[~id].slice().reverse() : arcs[id];
      out.push(...(out.length ? a.slice(1) : a));
    }
    return out;
  };
  const rings = [];
  for (const g of topo.objects.land.geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    for (const poly of polys) for (const r of poly) rings.push(ring(r));
  }
  const lines = [];
  let points = 0;
  for (const r of rings) {
    const kept = [];
    let shift = 0;
    for (const [lon, lat] of r) {
      const last = kept[kept.length - 1];
      if (last && lon + shift - last[0] > 180) shift -= 360;
      if (last && lon + shift - last[0] < -180) shift += 360;
      const p = [lon + shift, lat];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= 0.05) kept.push(p);
    }
    const around = Math.abs(kept[kept.length - 1][0] - kept[0][0]) > 180;
    if (kept.length < 3 || around) continue;
    points += kept.length;
    lines.push(kept.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(" "));
  }
  const head = [
    "# twinhall land 1",
    `# Natural Earth 1:110m land (public domain), from the npm package world-atlas@${VERSION} (ISC).`,
    "# Made by assets/map/make-map.mjs: one ring a line, lon,lat in degrees; even-odd fill.",
    `# ${lines.length} rings, ${points} points.`,
  ];
  writeFileSync(join(here, "land.txt"), head.concat(lines).join("\n") + "\n");
  console.log(`land.txt: ${lines.length} rings, ${points} points`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
