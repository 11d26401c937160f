// The atlas in the browser: the special functions the generated formulas call (A.*), the
// plots, the sliders, the search, the filters and the overlay. No network, no dependencies.

const A = (() => {
  const TWO_OVER_SQRT_PI = 1.1283791670955126;
  // erfc with fractional error below 1.2e-7 everywhere (a Chebyshev fit; Press et al.,
  // Numerical Recipes, 2nd ed., 6.2), so both tails keep their relative accuracy
  function erfcPositive(z) {
    const t = 1 / (1 + 0.5 * z);
    const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
      t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
      t * (-0.82215223 + t * 0.17087277))))))));
    return t * Math.exp(-z * z + poly);
  }
  function erfc(x) {
    if (Math.abs(x) < 0.5) return 1 - erf(x);
    return x > 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
  }
  function erf(x) {
    if (Math.abs(x) >= 0.5) return x > 0 ? 1 - erfcPositive(x) : erfcPositive(-x) - 1;
    // Maclaurin series: sum (-1)^n x^(2n+1) / (n! (2n+1)), exact to double precision here
    let term = x, sum = x;
    const x2 = x * x;
    for (let n = 1; n < 14; n++) {
      term *= -x2 / n;
      sum += term / (2 * n + 1);
    }
    return TWO_OVER_SQRT_PI * sum;
  }
  function sigmoid(z) {
    if (z >= 0) return 1 / (1 + Math.exp(-z));
    const e = Math.exp(z);
    return e / (1 + e);
  }
  function softplus(z) {
    return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }
  return {
    erf, erfc, sigmoid, softplus,
    logsigmoid: (z) => -softplus(-z),
    ndtr: (z) => 0.5 * erfc(-z * Math.SQRT1_2),
    step: (z) => (z > 0 ? 1 : 0),
  };
})();

const SVG = "http://www.w3.org/2000/svg";
const COLORS = ["#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#b91c1c", "#0e7490", "#a16207",
  "#be185d", "#4d7c0f", "#334155"];

function atlasStart(FUNCTIONS) {
  const DEFAULTS = JSON.parse(document.getElementById("defaults").textContent);
  const WINDOW = JSON.parse(document.getElementById("window").textContent);
  const xs = Array.from({ length: WINDOW.points },
    (_, i) => WINDOW.low + (WINDOW.high - WINDOW.low) * i / (WINDOW.points - 1));
  const cards = Array.from(document.querySelectorAll("article.card"));
  const byName = new Map(cards.map((card) => [card.dataset.name, card]));
  const ranges = new Map();
  const chosen = [];

  function params(card) {
    const p = Object.assign({}, DEFAULTS[card.dataset.name]);
    for (const input of card.querySelectorAll("input[data-param]")) {
      p[input.dataset.param] = Number(input.value);
    }
    return p;
  }

  function curves(name, p) {
    const f = [], df = [];
    for (const x of xs) {
      const [value, slope] = FUNCTIONS[name](x, p);
      f.push(value);
      df.push(slope);
    }
    return [f, df];
  }

  // the y window: the finite values (cut to +-10), with 0 and a margin
  function yRange(series) {
    let lo = 0, hi = 0;
    for (const ys of series) {
      for (const y of ys) {
        if (Number.isFinite(y)) {
          lo = Math.min(lo, Math.max(y, -10));
          hi = Math.max(hi, Math.min(y, 10));
        }
      }
    }
    if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
    const pad = 0.08 * (hi - lo);
    return [lo - pad, hi + pad];
  }

  function frame(width, height) {
    const box = { left: 30, right: width - 6, top: 6, bottom: height - 14 };
    box.sx = (x) => box.left + (x - WINDOW.low) / (WINDOW.high - WINDOW.low) * (box.right - box.left);
    return box;
  }

  function pathData(ys, box, range) {
    const [lo, hi] = range, span = hi - lo;
    const sy = (y) => box.bottom - (Math.min(Math.max(y, lo - span), hi + span) - lo) / span *
      (box.bottom - box.top);
    let d = "", pen = false;
    ys.forEach((y, i) => {
      if (!Number.isFinite(y)) { pen = false; return; }
      d += `${pen ? "L" : "M"}${box.sx(xs[i]).toFixed(2)} ${sy(y).toFixed(2)}`;
      pen = true;
    });
    return d;
  }

  function element(parent, tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function axes(svg, box, range, id) {
    const [lo, hi] = range;
    const sy = (y) => box.bottom - (y - lo) / (hi - lo) * (box.bottom - box.top);
    const clip = element(element(svg, "defs", {}), "clipPath", { id });
    element(clip, "rect", { x: box.left, y: box.top, width: box.right - box.left,
      height: box.bottom - box.top });
    element(svg, "rect", { class: "grid", x: box.left, y: box.top, width: box.right - box.left,
      height: box.bottom - box.top, fill: "none" });
    element(svg, "line", { class: "axis", x1: box.left, x2: box.right, y1: sy(0), y2: sy(0) });
    element(svg, "line", { class: "axis", x1: box.sx(0), x2: box.sx(0), y1: box.top,
      y2: box.bottom });
    element(svg, "text", { x: box.left - 3, y: box.top + 8, "text-anchor": "end" }, hi.toPrecision(2));
    element(svg, "text", { x: box.left - 3, y: box.bottom, "text-anchor": "end" }, lo.toPrecision(2));
    element(svg, "text", { x: box.left, y: box.bottom + 11 }, String(WINDOW.low));
    element(svg, "text", { x: box.right, y: box.bottom + 11, "text-anchor": "end" },
      String(WINDOW.high));
    return element(svg, "g", { "clip-path": `url(#${id})` });
  }

  function draw(card) {
    const name = card.dataset.name;
    const [f, df] = curves(name, params(card));
    if (!ranges.has(name)) ranges.set(name, yRange([f, df]));  // fixed at the defaults
    const svg = card.querySelector("svg.plot");
    svg.replaceChildren();
    const box = frame(260, 160), range = ranges.get(name);
    const plot = axes(svg, box, range, `clip-${name}`);
    element(plot, "path", { class: "df", d: pathData(df, box, range) });
    element(plot, "path", { class: "f", d: pathData(f, box, range) });
  }

  function drawOverlay() {
    const section = document.getElementById("overlay");
    section.hidden = chosen.length === 0;
    const svg = document.getElementById("overlay-plot");
    const legend = document.getElementById("legend");
    svg.replaceChildren();
    legend.replaceChildren();
    if (!chosen.length) return;
    const series = chosen.map((name) => curves(name, params(byName.get(name)))[0]);
    const box = frame(720, 300), range = yRange(series);
    const plot = axes(svg, box, range, "overlay-clip");  // no entry id starts so
    chosen.forEach((name, i) => {
      const color = COLORS[i % COLORS.length];
      element(plot, "path", { d: pathData(series[i], box, range), stroke: color,
        "data-name": name });
      const item = document.createElement("li");
      item.style.setProperty("--color", color);
      item.textContent = name;
      legend.appendChild(item);
    });
  }

  function visible(card, query, family, smoothness, required) {
    if (query && !card.dataset.search.includes(query)) return false;
    if (family && card.dataset.family !== family) return false;
    if (smoothness && card.dataset.smoothness !== smoothness) return false;
    const flags = card.dataset.flags.split(" ");
    return required.every((flag) => flags.includes(flag));
  }

  function applyFilters() {
    const query = document.getElementById("search").value.trim().toLowerCase();
    const family = document.getElementById("family").value;
    const smoothness = document.getElementById("smoothness").value;
    const required = Array.from(document.querySelectorAll("input[data-filter]:checked"),
      (box) => box.dataset.filter);
    let shown = 0;
    for (const card of cards) {
      card.hidden = !visible(card, query, family, smoothness, required);
      shown += !card.hidden;
    }
    document.getElementById("count").textContent = `${shown} of ${cards.length} shown`;
  }

  for (const card of cards) {
    draw(card);
    for (const input of card.querySelectorAll("input[data-param]")) {
      input.addEventListener("input", () => {
        input.nextElementSibling.textContent = Number(input.value).toPrecision(4);
        draw(card);
        if (chosen.includes(card.dataset.name)) drawOverlay();
      });
    }
    card.querySelector("input.compare").addEventListener("change", (event) => {
      const name = card.dataset.name;
      if (event.target.checked) chosen.push(name);
      else chosen.splice(chosen.indexOf(name), 1);
      drawOverlay();
    });
  }
  document.getElementById("clear").addEventListener("click", () => {
    for (const box of document.querySelectorAll("input.compare:checked")) box.checked = false;
    chosen.length = 0;
    drawOverlay();
  });
  for (const control of document.querySelectorAll("#controls input, #controls select")) {
    control.addEventListener("input", applyFilters);
  }
  applyFilters();

  // for scripts and tests: f at the entry's defaults (or given parameters) at the given points
  window.atlas = {
    evaluate: (name, points, p) => points.map(
      (x) => FUNCTIONS[name](x, Object.assign({}, DEFAULTS[name], p || {}))[0]),
    shown: () => cards.filter((card) => !card.hidden).map((card) => card.dataset.name),
  };
}
