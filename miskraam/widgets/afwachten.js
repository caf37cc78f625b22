// Afwachten: a day slider with the leaflet's two data points and a labelled assumption between.
// The last day, the axis ticks and the two points come from Python (the `limits` trait).

// The leaflet gives two points; between them we draw straight lines: an assumption, said so.
// `points`: [weekDay, weekPct, laterDay, laterPct].
function expected(day, points) {
  const [weekDay, weekPct, laterDay, laterPct] = points;
  if (day <= weekDay) return (weekPct * day) / weekDay;
  if (day <= laterDay) return weekPct + ((laterPct - weekPct) * (day - weekDay)) / (laterDay - weekDay);
  return laterPct;
}

function chart(points, day, maxDays, ticks) {
  const [weekDay, weekPct, laterDay, laterPct] = points;
  const W = 320, H = 190, left = 36, right = 10, top = 10, bottom = 34;
  const x = (d) => left + ((W - left - right) * d) / maxDays;
  const y = (p) => top + ((H - top - bottom) * (100 - p)) / 100;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "miskraam-chart", "aria-hidden": "true" });
  root.append(svg("line", { x1: left, y1: y(0), x2: W - right, y2: y(0), class: "miskraam-axis" }));
  root.append(svg("line", { x1: left, y1: y(0), x2: left, y2: y(100), class: "miskraam-axis" }));
  for (const p of [0, 50, 100]) {
    const label = svg("text", { x: left - 6, y: y(p) + 4, "text-anchor": "end", "font-size": 10 });
    label.textContent = String(p);
    root.append(label);
  }
  for (const d of ticks) {
    const label = svg("text", { x: x(d), y: H - bottom + 14, "text-anchor": "middle", "font-size": 10 });
    label.textContent = String(d);
    root.append(label);
  }
  const axis = svg("text", { x: (left + W) / 2, y: H - 4, "text-anchor": "middle", "font-size": 10 });
  axis.textContent = "dagen na het eerste bloedverlies";
  root.append(axis);
  // text and axes take their colours from widgets.css (dark mode); the data from MEANING
  // assumption: dashed straight lines through (0,0) and the two points; unknown after
  root.append(svg("polyline", {
    points: `${x(0)},${y(0)} ${x(weekDay)},${y(weekPct)} ${x(laterDay)},${y(laterPct)}`,
    fill: "none", stroke: MEANING.complete.colour, "stroke-width": 2, "stroke-dasharray": "5 4",
  }));
  root.append(svg("line", {
    x1: x(laterDay), y1: y(laterPct), x2: x(maxDays), y2: y(laterPct),
    stroke: MEANING.neutral.colour, "stroke-width": 2, "stroke-dasharray": "2 4",
  }));
  for (const [d, p] of [[weekDay, weekPct], [laterDay, laterPct]]) {
    root.append(svg("circle", { cx: x(d), cy: y(p), r: 5, fill: MEANING.complete.colour }));
    // labels below-right of the point; the last one right-aligned so it stays inside
    const last = d === laterDay;
    const label = svg("text", { x: last ? x(d) + 4 : x(d) + 7, y: y(p) + 16, "font-size": 10, "text-anchor": last ? "end" : "start" });
    label.textContent = `${p} (informatieblad)`;
    root.append(label);
  }
  root.append(svg("line", { x1: x(day), y1: y(0), x2: x(day), y2: y(100), class: "miskraam-marker", "stroke-width": 2 }));
  return root;
}

function render({ model, el }) {
  const facts = model.get("facts");
  const weeks = facts["afwachten-3-weken-duur"].value;
  const { max_days: maxDays, ticks, points: [[weekDay, weekPct], [laterDay, laterPct]] } = model.get("limits");
  const points = [weekDay, weekPct, laterDay, laterPct];
  const root = widgetBody("afwachten");
  const sliderId = uid("dagen");
  const output = h("output", { for: sliderId, class: "miskraam-day" });
  const slider = h("input", {
    type: "range", id: sliderId, min: 0, max: maxDays, step: 1, value: model.get("day"),
    oninput: (event) => commit(model, "day", clamp(Math.round(Number(event.target.value) || 0), 0, maxDays)),
  });
  const figure = h("div", { class: "miskraam-figure" });
  const text = liveRegion();
  root.append(h("p", { class: "miskraam-widget-title" }, "Afwachten: hoeveel vrouwen hebben de miskraam gehad?"),
    h("label", { for: sliderId }, "Dagen na het eerste bloedverlies: ", output), slider, figure, text,
    h("p", { class: "miskraam-note" },
      "Stippen: de twee getallen uit het informatieblad. Het blad telt de week vanaf het eerste bloedverlies en de 3 weken vanaf het begin van het afwachten; de figuur zet ze op één lijn. ",
      "Gestreepte lijn: een aanname (rechte lijnen tussen de punten), geen meting. ",
      `Na ${weeks} weken geeft het informatieblad geen getal meer.`));
  el.append(root);

  return bind(model, ["day"], () => {
    const day = clamp(Math.round(Number(model.get("day")) || 0), 0, maxDays);
    slider.value = String(day);
    output.textContent = `${day} ${day === 1 ? "dag" : "dagen"}`;
    slider.setAttribute("aria-valuetext", `${day} dagen`);
    const share = Math.round(expected(day, points));
    let sentence;
    if (day === 0) {
      sentence = "Op de dag van het eerste bloedverlies heeft de miskraam meestal nog niet plaatsgevonden.";
    } else if (day === points[0] || day === points[2]) {
      sentence = `Na ${day} dagen heeft bij ongeveer ${share} van de 100 vrouwen de miskraam plaatsgevonden. Dit getal staat in het informatieblad. Het zegt niet of dan alles naar buiten is gekomen.`;
    } else if (day < points[2]) {
      sentence = `Na ${day} dagen heeft bij ongeveer ${share} van de 100 vrouwen de miskraam plaatsgevonden. Dit is een schatting tussen de getallen van het informatieblad (aanname).`;
    } else {
      sentence = `Na ${day} dagen heeft bij minstens ${points[3]} van de 100 vrouwen de miskraam plaatsgevonden. Bij de anderen duurt het langer of is alsnog een behandeling nodig.`;
    }
    const groups = [
      { ...MEANING.complete, count: share, label: "miskraam heeft plaatsgevonden" },
      { ...MEANING.neutral, count: 100 - share, label: "nog niet" },
    ];
    figure.replaceChildren(chart(points, day, maxDays, ticks), iconArray(groups, { label: sentence }), legend(groups));
    text.textContent = sentence;
  });
}

export default { render };
