/**
 * The hub page's script: search, filters and pages over the embedded index; a model's details from
 * catalog.json, read once when the first details open. Every value is written with textContent, and
 * only https links become links.
 */
export const HUB_PAGE_SCRIPT = `
(() => {
  const PAGE_SIZE = 48;
  const LOAD_BREAKING = new Set(['asset-sha256-format', 'asset-digest-mismatch', 'train-dataset', 'asset-dead', 'asset-replaced', 'repo-gone', 'hub-conf-missing', 'hub-conf-create-network', 'hub-rejects']);
  const index = JSON.parse(document.getElementById('index').textContent);
  // Browsers do not let a file:// page read the files beside it: say so rather than show half the data.
  if (location.protocol === 'file:') document.getElementById('file-notice').hidden = false;
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, children = []) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };
  const numeric = (a, b) => {
    const x = a.split('.').map(Number), y = b.split('.').map(Number);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = (x[i] || 0) - (y[i] || 0);
      if (d) return d;
    }
    return a.localeCompare(b);
  };
  // One dataset filter per dataset whatever its case: the spelling most models use names it.
  const spellings = new Map();
  for (const model of index.models)
    for (const dataset of model.d) {
      const key = dataset.toLowerCase();
      const counts = spellings.get(key) || new Map();
      counts.set(dataset, (counts.get(dataset) || 0) + 1);
      spellings.set(key, counts);
    }
  const datasetName = (dataset) => {
    const counts = spellings.get(dataset.toLowerCase());
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  };
  const models = index.models.map((model, position) => ({
    model,
    position,
    datasets: [...new Set(model.d.map(datasetName))],
    haystack: [model.n, model.u, model.b, model.t, model.td, model.s, model.a, model.z, ...model.d].filter(Boolean).join(' ').toLowerCase(),
  }));
  const controls = { search: $('search'), task: $('task'), dataset: $('dataset'), platform: $('platform'), version: $('version') };
  const fill = (select, values, compare) => {
    for (const value of [...new Set(values)].filter(Boolean).sort(compare)) select.append(el('option', { value, text: value }));
  };
  fill(controls.task, models.map((m) => m.model.t));
  fill(controls.dataset, models.flatMap((m) => m.datasets), (a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
  fill(controls.platform, models.flatMap((m) => m.model.p));
  fill(controls.version, models.map((m) => m.model.v), (a, b) => numeric(b, a));
  $('source').textContent = index.models.length + ' models' + (index.commit ? ' at commit ' + index.commit.slice(0, 12) : '') + (index.audited ? ', links audited on ' + index.audited.slice(0, 10) : '');
  if (index.invalid.count > 0) {
    const reasons = Object.entries(index.invalid.byRule).sort((a, b) => b[1] - a[1]).map(([rule, n]) => rule + ': ' + n).join(', ');
    $('invalid').replaceChildren(el('summary', { text: index.invalid.count + ' files are not listed: the hub itself rejects them' }), el('p', { text: reasons + ' (catalog.json lists each with its errors)' }));
    $('invalid').hidden = false;
  }

  const snippetOf = (model) => 'mindspore_hub.load("' + model.u + '")';
  const copyButton = (label, value) => {
    const button = el('button', { type: 'button', text: 'Copy', 'aria-label': label });
    button.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(value); button.textContent = 'Copied'; }
      catch { button.textContent = 'Select and copy'; }
    });
    return button;
  };
  // A message's \`code\` spans as code elements, the rest as text: never as HTML.
  const withCode = (text) => String(text || '').split('\`').map((part, index) => (index % 2 === 1 ? el('code', { text: part }) : part));
  const badge = (problem) => {
    const [severity, rule, message] = problem;
    const words = severity === 'error' ? (LOAD_BREAKING.has(rule) ? 'cannot be loaded: ' : 'needs a fix: ') + rule : 'warning: ' + rule;
    return el('span', { class: 'badge ' + severity, text: words, title: String(message || '').replaceAll('\`', '') });
  };
  const link = (url) => {
    const href = String(url || '').replace(/^<|>$/g, '');
    return /^https:\\/\\//.test(href) ? el('a', { href, rel: 'noopener noreferrer', text: href }) : document.createTextNode(href);
  };

  // Markdown as text nodes and a few elements: headings, lists, code, emphasis and https links.
  // Raw HTML lines are left out; nothing is ever parsed as HTML.
  const inline = (line) => {
    const nodes = [];
    let last = 0;
    for (const match of line.matchAll(/\x60([^\x60]+)\x60|\\*\\*([^*]+)\\*\\*|(!?)\\[([^\\]]*)\\]\\(([^)\\s]+)[^)]*\\)/g)) {
      if (match.index > last) nodes.push(line.slice(last, match.index));
      if (match[1] !== undefined) nodes.push(el('code', { text: match[1] }));
      else if (match[2] !== undefined) nodes.push(el('strong', { text: match[2] }));
      else {
        const label = match[4] || match[5];
        nodes.push(/^https:\\/\\//.test(match[5]) ? el('a', { href: match[5], rel: 'noopener noreferrer', text: (match[3] ? 'image: ' : '') + label }) : label);
      }
      last = match.index + match[0].length;
    }
    if (last < line.length) nodes.push(line.slice(last));
    return nodes;
  };
  const markdown = (source) => {
    const out = [];
    const lines = source.split(/\\r?\\n/);
    let paragraph = [];
    let list;
    const flush = () => {
      if (paragraph.length) out.push(el('p', {}, inline(paragraph.join(' '))));
      paragraph = [];
      list = undefined;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const fence = /^\\s*(\x60{3,}|~{3,})/.exec(line);
      if (fence) {
        flush();
        const code = [];
        for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) code.push(lines[i]);
        out.push(el('pre', {}, [el('code', { text: code.join('\\n') })]));
        continue;
      }
      if (/^\\s*</.test(line) || !line.trim()) { flush(); continue; }
      const heading = /^(#{1,6})\\s+(.*)$/.exec(line);
      if (heading) { flush(); out.push(el('h' + Math.min(6, heading[1].length + 2), {}, inline(heading[2]))); continue; }
      if (/^\\s*\\|/.test(line)) {
        flush();
        const rows = [line];
        while (i + 1 < lines.length && /^\\s*\\|/.test(lines[i + 1])) rows.push(lines[++i]);
        out.push(el('pre', { text: rows.join('\\n') }));
        continue;
      }
      const item = /^\\s*([-*+]|\\d+[.)])\\s+(.*)$/.exec(line);
      if (item) {
        if (paragraph.length) flush();
        const tag = /\\d/.test(item[1]) ? 'ol' : 'ul';
        if (!list || list.tagName.toLowerCase() !== tag) { list = el(tag); out.push(list); }
        list.append(el('li', {}, inline(item[2])));
        continue;
      }
      list = undefined;
      paragraph.push(line.trim());
    }
    flush();
    return out;
  };
  const detailChunks = new Map();
  const detailsOf = (uidPath) => {
    const file = 'details/' + uidPath.slice(0, uidPath.lastIndexOf('/')) + '.json';
    if (!detailChunks.has(file)) detailChunks.set(file, fetch(file).then((r) => (r.ok ? r.json() : {})).catch(() => ({})));
    return detailChunks.get(file).then((chunk) => chunk[uidPath]);
  };

  let catalog;
  const fullModels = () => (catalog ||= fetch('catalog.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.status)))).then((c) => new Map(c.models.map((m) => [m.path, m]))));

  let opener;
  // What arrives for a model the reader has since left (several models share a name) is dropped.
  let showing;
  const openDetails = async (entry) => {
    const { model } = entry;
    showing = model.u;
    $('details-title').textContent = model.n;
    const snippet = $('details-snippet');
    snippet.replaceChildren(el('code', { text: snippetOf(model) }), copyButton('Copy the load call', snippetOf(model)));
    $('details-problems').replaceChildren(...(model.q || []).map((problem) => el('li', {}, [problem[1] + ': ', ...withCode(problem[2])])));
    const fields = $('details-fields');
    fields.replaceChildren(el('dt', { text: 'summary' }), el('dd', { text: model.s || '' }));
    $('details-body').replaceChildren();
    $('details-zh').replaceChildren();
    $('details-zh').hidden = true;
    opener = document.activeElement;
    if (!$('details').open) $('details').showModal();
    detailsOf(model.u).then((details) => {
      if (!details || showing !== model.u) return;
      $('details-body').replaceChildren(...markdown(details.body || ''));
      if (details.zh) {
        $('details-zh').replaceChildren(el('summary', { text: '中文页面 (Chinese page)' }), ...(details.zh.summary ? [el('p', { text: details.zh.summary })] : []), ...markdown(details.zh.body || ''));
        $('details-zh').hidden = false;
      }
    });
    let full;
    try { full = (await fullModels()).get('mshub_res/assets/' + model.u + '.md'); }
    catch { fields.append(el('dt', { text: 'more' }), el('dd', { text: 'Every field is in catalog.json, next to this page.' })); return; }
    if (!full || showing !== model.u) return;
    fields.replaceChildren();
    for (const [key, value] of Object.entries(full)) {
      if (key === 'problems') continue;
      const description = el('dd');
      if (key === 'repo-link') description.append(link(value));
      else if (key === 'asset' && Array.isArray(value))
        for (const asset of value) {
          const digest = String(asset['asset-sha256'] || '');
          description.append(el('div', {}, [String(asset['file-format'] || '') + ' ', link(asset['asset-link'])]), el('div', {}, [el('code', { text: digest }), ' ', copyButton('Copy the digest', digest)]));
        }
      else description.textContent = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
      fields.append(el('dt', { text: key }), description);
    }
  };
  $('details').addEventListener('close', () => { if (opener && opener.focus) opener.focus(); });

  const list = $('models');
  const count = $('count');
  let page = 0;
  let shown = models;
  const card = (entry) => {
    const { model } = entry;
    const item = el('div', { class: 'card', tabindex: '0', role: 'button', 'aria-haspopup': 'dialog', 'data-uid': model.u }, [
      el('h2', { text: model.n }),
      el('div', { class: 'uid', text: model.u }),
      el('div', { text: model.s || '' }),
      el('div', { class: 'tags' }, [
        ...(model.q || []).filter((p) => p[0] === 'error').slice(0, 2).map(badge),
        ...[model.t, ...entry.datasets, 'MindSpore ' + model.v].filter(Boolean).map((value) => el('span', { class: 'tag', text: value })),
      ]),
    ]);
    item.addEventListener('click', () => openDetails(entry));
    // The key that opens the details must not also reach the dialog's button and close it again.
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); openDetails(entry); }
    });
    return el('li', {}, [item]);
  };
  const renderPage = () => {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    list.replaceChildren(...shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE).map(card));
    const first = shown.length === 0 ? 0 : page * PAGE_SIZE + 1;
    count.textContent = shown.length + ' of ' + models.length + ' models' + (shown.length > PAGE_SIZE ? ', ' + first + '–' + Math.min(shown.length, (page + 1) * PAGE_SIZE) + ' shown' : '');
    $('page').textContent = 'Page ' + (page + 1) + ' of ' + pages;
    $('previous').disabled = page === 0;
    $('next').disabled = page >= pages - 1;
  };
  const filter = () => {
    const words = controls.search.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    shown = models.filter((m) =>
      words.every((word) => m.haystack.includes(word)) &&
      (!controls.task.value || m.model.t === controls.task.value) &&
      (!controls.dataset.value || m.datasets.includes(controls.dataset.value)) &&
      (!controls.platform.value || m.model.p.includes(controls.platform.value)) &&
      (!controls.version.value || m.model.v === controls.version.value));
    // A name the search spells out comes first, then names it starts, then the rest in hub order.
    if (words.length > 0) {
      const rank = (m) => {
        const name = String(m.model.n || '').toLowerCase();
        if (words.every((word) => name === word)) return 0;
        if (words.every((word) => name.startsWith(word))) return 1;
        if (words.every((word) => name.includes(word))) return 2;
        return 3;
      };
      shown = shown.map((m) => [rank(m), m]).sort((a, b) => a[0] - b[0] || a[1].position - b[1].position).map((pair) => pair[1]);
    }
    page = 0;
    renderPage();
  };
  $('previous').addEventListener('click', () => { page--; renderPage(); });
  $('next').addEventListener('click', () => { page++; renderPage(); });
  for (const control of Object.values(controls)) control.addEventListener('input', filter);
  filter();
})();
`;
