import type { Catalog } from '../core/catalog/build-catalog.js';

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
 * The static hub page: search and filters (task, dataset, platform, version) over the catalog, and a
 * card per model that opens its details. The catalog is embedded, so the page also works from disk;
 * every value is written with textContent, never as HTML.
 */
export function renderHubPage(catalog: Catalog): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self'">
<title>MindSpore Hub models</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d2733; background: #f5f7fa; }
  header { background: #12263f; color: #fff; padding: 16px 24px; }
  header h1 { margin: 0 0 4px; font-size: 22px; }
  .controls { display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 24px; background: #fff; border-bottom: 1px solid #dde3ea; position: sticky; top: 0; }
  .controls input, .controls select { font: inherit; padding: 6px 8px; border: 1px solid #b9c3cf; border-radius: 4px; }
  .controls input { flex: 1 1 260px; }
  #count { padding: 8px 24px; color: #55606e; }
  #models { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; padding: 0 24px 24px; list-style: none; margin: 0; }
  .card { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 12px; cursor: pointer; }
  .card:hover, .card:focus { border-color: #2f6fdd; outline: none; }
  .card h2 { font-size: 16px; margin: 0 0 4px; }
  .tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 8px; }
  .tag { font-size: 12px; background: #e8eef7; border-radius: 10px; padding: 1px 8px; }
  dialog { max-width: 760px; width: 90vw; border: 1px solid #b9c3cf; border-radius: 6px; }
  dialog dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; }
  dialog dt { font-weight: 600; }
  dialog dd { margin: 0; overflow-wrap: anywhere; }
</style>
</head>
<body>
<header><h1>MindSpore Hub models</h1><div id="source"></div></header>
<div class="controls">
  <input id="search" type="search" placeholder="Search models, datasets, summaries" aria-label="Search">
  <select id="task" aria-label="Task"><option value="">All tasks</option></select>
  <select id="dataset" aria-label="Dataset"><option value="">All datasets</option></select>
  <select id="platform" aria-label="Platform"><option value="">All platforms</option></select>
  <select id="version" aria-label="MindSpore version"><option value="">All versions</option></select>
</div>
<div id="count" role="status"></div>
<ul id="models"></ul>
<dialog id="details"><form method="dialog"><button aria-label="Close">Close</button></form><h2 id="details-title"></h2><dl id="details-fields"></dl></dialog>
<script type="application/json" id="catalog">${scriptSafeJson(catalog)}</script>
<script>
(() => {
  const catalog = JSON.parse(document.getElementById('catalog').textContent);
  const text = (value) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  const platformOf = (model) => {
    const backend = text(model['train-backend'] || model['infer-backend']);
    if (backend) return backend.toLowerCase().split('/');
    const folder = model.path.split('/')[3];
    return ['ascend', 'gpu', 'cpu'].includes(folder) ? [folder] : ['unspecified'];
  };
  const models = catalog.models.map((model) => ({
    model,
    name: text(model['model-name'] || model.markdown_name),
    task: text(model['module-type']),
    datasets: text(model['train-dataset']).split('_').filter(Boolean),
    platforms: platformOf(model),
    version: text(model['mindspore-version']),
    haystack: [model.markdown_name, model['model-name'], model['backbone-name'], model['train-dataset'], model.summary, model['module-type-detail'], model.author]
      .map(text).join(' ').toLowerCase(),
  }));
  const controls = {
    search: document.getElementById('search'),
    task: document.getElementById('task'),
    dataset: document.getElementById('dataset'),
    platform: document.getElementById('platform'),
    version: document.getElementById('version'),
  };
  const fill = (select, values) => {
    for (const value of [...new Set(values)].filter(Boolean).sort()) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.append(option);
    }
  };
  fill(controls.task, models.map((m) => m.task));
  fill(controls.dataset, models.flatMap((m) => m.datasets));
  fill(controls.platform, models.flatMap((m) => m.platforms));
  fill(controls.version, models.map((m) => m.version));
  document.getElementById('source').textContent =
    catalog.models.length + ' models' + (catalog.commit ? ' at commit ' + catalog.commit.slice(0, 12) : '');

  const list = document.getElementById('models');
  const count = document.getElementById('count');
  const tag = (value) => {
    const span = document.createElement('span');
    span.className = 'tag';
    span.textContent = value;
    return span;
  };
  const openDetails = (entry) => {
    document.getElementById('details-title').textContent = entry.name;
    const fields = document.getElementById('details-fields');
    fields.replaceChildren();
    for (const [key, value] of Object.entries(entry.model)) {
      const term = document.createElement('dt');
      term.textContent = key;
      const description = document.createElement('dd');
      description.textContent = key === 'asset' && Array.isArray(value)
        ? value.map((asset) => [asset['file-format'], text(asset['asset-link']).replace(/^<|>$/g, ''), 'sha256 ' + text(asset['asset-sha256'])].join('  ')).join('\\n')
        : text(value);
      description.style.whiteSpace = 'pre-line';
      fields.append(term, description);
    }
    document.getElementById('details').showModal();
  };
  const render = () => {
    const query = controls.search.value.trim().toLowerCase();
    const shown = models.filter((m) =>
      (!query || query.split(/\\s+/).every((word) => m.haystack.includes(word))) &&
      (!controls.task.value || m.task === controls.task.value) &&
      (!controls.dataset.value || m.datasets.includes(controls.dataset.value)) &&
      (!controls.platform.value || m.platforms.includes(controls.platform.value)) &&
      (!controls.version.value || m.version === controls.version.value));
    list.replaceChildren(...shown.slice(0, 500).map((entry) => {
      const item = document.createElement('li');
      item.className = 'card';
      item.tabIndex = 0;
      item.dataset.uid = text(entry.model.markdown_name);
      const title = document.createElement('h2');
      title.textContent = entry.name;
      const summary = document.createElement('div');
      summary.textContent = text(entry.model.summary);
      const tags = document.createElement('div');
      tags.className = 'tags';
      tags.append(...[entry.task, ...entry.datasets, 'MindSpore ' + entry.version].filter(Boolean).map(tag));
      item.append(title, summary, tags);
      item.addEventListener('click', () => openDetails(entry));
      item.addEventListener('keydown', (event) => { if (event.key === 'Enter') openDetails(entry); });
      return item;
    }));
    count.textContent = shown.length + ' of ' + models.length + ' models' + (shown.length > 500 ? ' (first 500 shown; narrow the search)' : '');
  };
  for (const control of Object.values(controls)) control.addEventListener('input', render);
  render();
})();
</script>
</body>
</html>
`;
}
