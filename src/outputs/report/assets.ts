/** The report's stylesheet (screen and print) and its small client script (embedding, toggles). */

export const STYLE = `
:root { --ink: #1f1f1f; --muted: #555; --line: #ddd; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Verdana, system-ui, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; font-size: 16px; }
header, main { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 30px; margin: 0 0 8px; }
h2 { font-size: 22px; margin: 36px 0 12px; }
.description { font-size: 18px; max-width: 900px; margin: 0 0 8px; }
.meta, .note { color: var(--muted); font-size: 14px; }
.toggles { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: 10px max(24px, calc((100% - 1192px) / 2)); display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; }
.toggles-title { font-weight: bold; }
.toggle { display: inline-flex; align-items: center; gap: 6px; cursor: pointer; font-size: 15px; padding: 3px 8px; border-radius: 14px; border: 1px solid var(--line); }
.toggle input { margin: 0; }
.toggle.off { opacity: .45; text-decoration: line-through; }
.toggles button { font: inherit; font-size: 14px; padding: 3px 10px; border-radius: 14px; border: 1px solid #999; background: #f4f4f4; cursor: pointer; }
.swatch { display: inline-block; width: 14px; height: 14px; border-radius: 3px; margin-right: 6px; vertical-align: -2px; flex: none; }
table { border-collapse: collapse; font-size: 15px; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 14px; }
.num { text-align: right; white-space: nowrap; }
.unit, .ci { color: var(--muted); font-size: 13px; font-weight: normal; }
.tag { font-size: 12px; color: var(--muted); border: 1px solid var(--line); border-radius: 8px; padding: 0 6px; }
.none { color: var(--muted); }
.scroll { overflow-x: auto; }
.summary { font-size: 14px; }
.summary td.name { white-space: nowrap; font-weight: bold; }
.summary th, .summary td { padding: 6px 8px; }
.verdicts { padding-left: 0; list-style: none; }
.verdicts li { margin: 6px 0; }
.up { color: #0a6b2f; font-weight: bold; }
.down { color: #a3241a; font-weight: bold; }
.chart .vis { overflow-x: auto; }
.chart .vis svg { max-width: 100%; height: auto; }
[hidden] { display: none !important; }
.kv th { width: 220px; }
code { font-size: 14px; word-break: break-all; }
@media print {
  body { font-size: 12pt; }
  .toggles { position: static; border: none; padding: 0 24px; }
  .toggles input, .toggles button, .toggle.off { display: none; }
  .toggle { border: none; padding: 0; }
  section.chart { break-before: page; break-inside: avoid; }
  section.chart h2 { margin-top: 0; }
  .chart .vis svg { width: 100%; height: auto; }
  table { break-inside: auto; } tr { break-inside: avoid; }
}
`;

/**
 * Embeds every chart (SVG renderer, no action menu: nothing may reach the network), marks the
 * body data-rendered="true" once all are drawn (or "error"), and wires the toggles: a hidden
 * strategy leaves every chart (the cxsimHidden parameter) and every table row at once.
 */
export const CLIENT_SCRIPT = `
(function () {
  var charts = JSON.parse(document.getElementById('cxsim-charts').textContent);
  var hidden = [];
  var views = [];
  var done = charts.map(function (c) {
    var el = document.querySelector('[data-chart="' + c.file + '"]');
    return vegaEmbed(el, c.spec, { actions: false, renderer: 'svg' }).then(function (r) { views.push(r.view); });
  });
  Promise.all(done).then(function () { document.body.setAttribute('data-rendered', 'true'); }, function (e) { document.body.setAttribute('data-rendered', 'error'); console.error(e); });
  function apply() {
    views.forEach(function (v) { v.signal('cxsimHidden', hidden.slice()).runAsync(); });
    document.querySelectorAll('main [data-strategy]').forEach(function (el) { el.hidden = hidden.indexOf(el.getAttribute('data-strategy')) >= 0; });
    document.querySelectorAll('.toggle').forEach(function (el) { el.classList.toggle('off', hidden.indexOf(el.getAttribute('data-strategy')) >= 0); });
  }
  document.querySelectorAll('[data-toggle]').forEach(function (box) {
    box.addEventListener('change', function () {
      var name = box.getAttribute('data-toggle');
      hidden = hidden.filter(function (h) { return h !== name; });
      if (!box.checked) hidden.push(name);
      apply();
    });
  });
  document.getElementById('show-all').addEventListener('click', function () {
    hidden = [];
    document.querySelectorAll('[data-toggle]').forEach(function (box) { box.checked = true; });
    apply();
  });
})();
`;
