/** The studio's single page: layout, styles, and the scripts it loads (vega libraries, then the app). */

export const INDEX_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>cxsim studio</title>
<link rel="icon" href="data:,">
<style>
:root { --ink: #1f1f1f; --muted: #555; --line: #ddd; --accent: #0072b2; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "DejaVu Sans", Verdana, system-ui, sans-serif; color: var(--ink); font-size: 15px; }
header { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; padding: 12px 20px; border-bottom: 1px solid var(--line); }
header h1 { font-size: 20px; margin: 0; }
header h1 small { font-weight: normal; color: var(--muted); }
header .spacer { flex: 1; }
button, select, input { font: inherit; }
button { padding: 4px 10px; border-radius: 6px; border: 1px solid #999; background: #f4f4f4; cursor: pointer; }
.file { cursor: pointer; padding: 5px 12px; border-radius: 6px; border: 1px dashed #999; }
.file input { display: none; }
#problems { margin: 10px 20px; padding: 10px 14px; background: #fff3f0; border: 1px solid #d55e00; border-radius: 6px; white-space: pre-wrap; font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
main { display: grid; grid-template-columns: minmax(300px, 360px) minmax(0, 1fr); min-height: calc(100vh - 60px); }
#controls { border-right: 1px solid var(--line); padding: 14px 16px; overflow-y: auto; max-height: calc(100vh - 60px); position: sticky; top: 0; }
#controls h2 { font-size: 16px; margin: 16px 0 4px; }
.field { display: block; margin: 6px 0; }
.row { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin: 6px 0; }
.row .field input { width: 90px; }
#strategy { max-width: 100%; }
#lever-filter { flex: 1; min-width: 160px; padding: 4px 6px; }
.strategy-description, .hint { color: var(--muted); font-size: 13px; margin: 4px 0; }
details.section { border-top: 1px solid var(--line); padding: 4px 0; }
details.section summary { cursor: pointer; font-weight: bold; padding: 4px 0; }
.badge { font-weight: normal; font-size: 12px; color: white; background: var(--accent); border-radius: 8px; padding: 0 6px; margin-left: 8px; }
.lever { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; padding: 5px 4px; border-radius: 4px; }
.lever.changed { background: #eaf3fb; }
.lever-name { font-size: 13px; font-family: "DejaVu Sans Mono", monospace; word-break: break-all; grid-column: 1 / 3; }
.lever-control { display: flex; gap: 6px; align-items: center; }
.lever-control input[type=range] { width: 170px; }
.lever-value { width: 90px; }
.lever-reset { grid-column: 2; grid-row: 2; padding: 0 6px; visibility: hidden; }
.lever.changed .lever-reset { visibility: visible; }
.lever-doc { grid-column: 1 / 3; font-size: 12px; color: var(--muted); }
#results { padding: 14px 20px; min-width: 0; }
#status { font-size: 15px; margin: 0 0 10px; }
#status[data-state=running]::before { content: "● "; color: #e69f00; }
#status[data-state=done]::before { content: "✓ "; color: #009e73; }
#status[data-state=invalid]::before { content: "✗ "; color: #d55e00; }
table.paired { border-collapse: collapse; margin-bottom: 18px; font-size: 14px; }
table.paired td:first-child { white-space: nowrap; }
table.paired .unit, table.paired .ci { color: var(--muted); font-size: 12px; }
table.paired .ci { display: block; }
table.paired th { max-width: 210px; vertical-align: bottom; white-space: normal; }
#paired-table { overflow-x: auto; }
table.paired th, table.paired td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left; }
.num { text-align: right; white-space: pre; font-variant-numeric: tabular-nums; }
.verdict { color: var(--muted); }
.verdict.clear { color: #0a6b2f; font-weight: bold; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px; vertical-align: -1px; }
.chart { margin: 12px 0 22px; overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
body.dragging::after { content: "Drop a scenario file (.yaml, .yml, .json) to open it"; position: fixed; inset: 12px; border: 4px dashed var(--accent); background: rgba(255,255,255,.9); display: flex; align-items: center; justify-content: center; font-size: 24px; z-index: 10; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } #controls { position: static; max-height: none; border-right: none; } }
</style>
</head>
<body>
<header>
<h1>cxsim studio <small>· <span id="scenario-name">loading…</span></small></h1>
<select id="scenario-picker" aria-label="Scenario"></select>
<label class="file">Open a scenario file… <input id="open-file" type="file" accept=".yaml,.yml,.json"></label>
<span class="spacer"></span>
<button type="button" id="copy-link">Copy link</button>
<button type="button" id="download-yaml">Download scenario (YAML)</button>
<button type="button" id="download-report">Download report</button>
</header>
<pre id="problems" hidden></pre>
<main>
<aside id="controls"></aside>
<section id="results">
<p id="scenario-description" class="hint"></p>
<p id="status" data-state="loading">Loading…</p>
<div id="paired-table"></div>
<div class="chart" data-chart="paired"></div>
<div class="chart" data-chart="tradeoff"></div>
<div class="chart" data-chart="nps"></div>
<div class="chart" data-chart="customers"></div>
<div class="chart" data-chart="profit"></div>
</section>
</main>
<script src="./vendor/vega.min.js"></script>
<script src="./vendor/vega-lite.min.js"></script>
<script src="./vendor/vega-embed.min.js"></script>
<script src="./app.js"></script>
</body>
</html>
`;
