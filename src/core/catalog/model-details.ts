import { ASSETS_ROOT, unsafePathProblem } from '../hub-path.js';
import { decodeText } from '../parse/decode-text.js';
import { splitFrontMatter } from '../parse/split-front-matter.js';
import type { AssetFileInput } from '../validate-asset-file.js';
import type { Catalog } from './build-catalog.js';

/** What a model's page shows beyond its fields: its markdown body, and its Chinese page if it has one. */
export interface ModelDetails {
  body: string;
  zh?: { summary?: string; body: string };
}

/** A model's body is shown, not archived: past this it is cut, with a note where it was cut. */
const BODY_LIMIT = 64 * 1024;
const READ_LIMIT = 4 * 1024 * 1024;

/**
 * The details of every catalog model, in one file per folder of the hub (`details/mindspore/1.9.json`),
 * so the page reads only the folder of the model it opens: keyed by the model's uid path.
 */
export function buildModelDetails(
  inputs: Iterable<AssetFileInput>,
  catalog: Catalog,
): Map<string, Record<string, ModelDetails>> {
  const texts = new Map<string, string>();
  for (const input of inputs) {
    const decoded = decodeText(input.bytes, READ_LIMIT);
    if (decoded.ok) texts.set(input.path, decoded.text);
  }
  const chunks = new Map<string, Record<string, ModelDetails>>();
  for (const model of catalog.models) {
    const text = texts.get(model.path);
    // The path names a file to write: one a platform's answer forged must not leave the site folder.
    if (text === undefined || unsafePathProblem(model.path)) continue;
    const uidPath = model.path.slice(ASSETS_ROOT.length + 1).replace(/\.md$/, '');
    const details: ModelDetails = { body: bodyOf(text) };
    const chinese = texts.get(model.path.replace(/\.md$/, '_cn.md'));
    if (chinese !== undefined) {
      const zh: NonNullable<ModelDetails['zh']> = { body: bodyOf(chinese) };
      const summary = chineseSummary(chinese);
      if (summary) zh.summary = summary;
      details.zh = zh;
    }
    const chunk = detailsChunkOf(uidPath);
    const entries = chunks.get(chunk) ?? {};
    entries[uidPath] = details;
    chunks.set(chunk, entries);
  }
  return chunks;
}

/** The file that holds a model's details: its folder under the assets, as one JSON file. */
export function detailsChunkOf(uidPath: string): string {
  return `details/${uidPath.slice(0, uidPath.lastIndexOf('/'))}.json`;
}

/** The Chinese summary (`摘要：`) of a Chinese page, for search; undefined when it has none. */
export function chineseSummary(text: string): string | undefined {
  const match = /^摘要\s*[：:]\s*(.+)$/m.exec(text);
  return match?.[1]?.trim().slice(0, 200) || undefined;
}

function bodyOf(text: string): string {
  const split = splitFrontMatter(text);
  const second = split.fenceStarts[1];
  if (second === undefined) return '';
  const afterFence = text.indexOf('\n', second);
  const body = afterFence === -1 ? '' : text.slice(afterFence + 1).replace(/^\s+/, '');
  return body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT)}\n\n…` : body;
}
