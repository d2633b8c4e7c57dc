import type { Catalog } from '../core/catalog/build-catalog.js';
import { hubPageIndex } from './hub-page-index.js';
import { HUB_PAGE_SCRIPT } from './hub-page-script.js';
import { HUB_PAGE_STYLE } from './hub-page-style.js';

/** JSON that is safe inside a <script> element: no `</script>`, no `<!--`, no line separators. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The static hub page: a small index of every model embedded (search, filters, pages, problem
 * badges), and each model's full record read from catalog.json, next to the page, when its details
 * open. From disk, where a page cannot read files, the details show what the index has.
 */
export function renderHubPage(
  catalog: Catalog,
  /** Chinese summaries of the models with a Chinese page, by uid path: searchable in Chinese. */
  chineseSummaries: ReadonlyMap<string, string> = new Map(),
): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self'; connect-src 'self'">
<title>MindSpore Hub models</title>
<style>${HUB_PAGE_STYLE}</style>
</head>
<body>
<header><h1>MindSpore Hub models</h1><div id="source"></div><details id="invalid" hidden></details>
<p id="file-notice" role="note" hidden>This page was opened as a file, so it cannot read catalog.json and the model pages beside it: a model's details show only part of its data. Serve this folder over http (any static web server) and open it from there.</p></header>
<main>
<div class="controls">
  <input id="search" type="search" placeholder="Search names, uid paths (mindspore/1.9/albert_mnli), datasets, summaries" aria-label="Search">
  <select id="task" aria-label="Task"><option value="">All tasks</option></select>
  <select id="dataset" aria-label="Dataset"><option value="">All datasets</option></select>
  <select id="platform" aria-label="Platform"><option value="">All platforms</option></select>
  <select id="version" aria-label="MindSpore version"><option value="">All versions</option></select>
</div>
<div id="count" role="status"></div>
<ul id="models" aria-label="Models"></ul>
<nav class="pager" aria-label="Pages"><button type="button" id="previous">Previous</button><span id="page"></span><button type="button" id="next">Next</button></nav>
</main>
<dialog id="details" aria-labelledby="details-title"><form method="dialog"><button aria-label="Close the details">Close</button></form><h2 id="details-title"></h2><div class="snippet" id="details-snippet"></div><ul class="problems" id="details-problems"></ul><dl id="details-fields"></dl><div id="details-body" class="body"></div><details id="details-zh" lang="zh" hidden></details></dialog>
<script type="application/json" id="index">${scriptSafeJson(hubPageIndex(catalog, chineseSummaries))}</script>
<script>${HUB_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
