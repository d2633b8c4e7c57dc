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

/** The details files of a site: `details/<folder>.json` → content, and what changed since the last build. */
export interface DetailFiles {
  files: Record<string, string>;
  /** The files whose content differs from the previous build of the same builder. */
  changed: Set<string>;
  /** The Chinese summary of each model with a Chinese page, by uid path. */
  chineseSummaries: Map<string, string>;
}

/** A model's body is shown, not archived: past this it is cut, with a note where it was cut. */
const BODY_LIMIT = 64 * 1024;
const READ_LIMIT = 4 * 1024 * 1024;

interface PageText {
  body: string;
  summary?: string;
}

/**
 * The details of every catalog model, in one file per folder of the hub (`details/mindspore/1.9.json`),
 * so the page reads only the folder of the model it opens. Between builds, a file's body is read again
 * only when its content (its blob id) changed, and a folder's file is written again only when one of
 * its models did.
 */
export class ModelDetailsBuilder {
  private pages = new Map<string, PageText>();
  private chunks = new Map<string, { key: string; json: string }>();

  build(inputs: Iterable<AssetFileInput & { blob?: string }>, catalog: Catalog): DetailFiles {
    const byPath = new Map<string, AssetFileInput & { blob?: string }>();
    for (const input of inputs) byPath.set(input.path, input);
    const pages = new Map<string, PageText>();
    const pageOf = (path: string): { page: PageText; key: string } | undefined => {
      const input = byPath.get(path);
      if (!input) return undefined;
      const key = `${path}\0${input.blob ?? ''}`;
      let page = input.blob === undefined ? undefined : this.pages.get(key);
      if (!page) {
        const decoded = decodeText(input.bytes, READ_LIMIT);
        if (!decoded.ok) return undefined;
        page = { body: bodyOf(decoded.text) };
        const summary = chineseSummary(decoded.text);
        if (summary) page.summary = summary;
      }
      pages.set(key, page);
      return { page, key };
    };

    const grouped = new Map<string, { key: string[]; models: Record<string, ModelDetails> }>();
    const chineseSummaries = new Map<string, string>();
    for (const model of catalog.models) {
      // The path names a file to write: one a platform's answer forged must not leave the site folder.
      if (unsafePathProblem(model.path)) continue;
      const english = pageOf(model.path);
      if (!english) continue;
      const uidPath = model.path.slice(ASSETS_ROOT.length + 1).replace(/\.md$/, '');
      const details: ModelDetails = { body: english.page.body };
      const chinese = pageOf(model.path.replace(/\.md$/, '_cn.md'));
      if (chinese) {
        details.zh = { body: chinese.page.body };
        if (chinese.page.summary) {
          details.zh.summary = chinese.page.summary;
          chineseSummaries.set(uidPath, chinese.page.summary);
        }
      }
      const name = detailsChunkOf(uidPath);
      const chunk = grouped.get(name) ?? { key: [], models: {} };
      chunk.key.push(english.key, chinese?.key ?? '');
      chunk.models[uidPath] = details;
      grouped.set(name, chunk);
    }

    const files: Record<string, string> = {};
    const changed = new Set<string>();
    const chunks = new Map<string, { key: string; json: string }>();
    for (const name of [...grouped.keys()].sort()) {
      const { key: parts, models } = grouped.get(name) as {
        key: string[];
        models: Record<string, ModelDetails>;
      };
      const key = parts.join('\n');
      const previous = this.chunks.get(name);
      const json = previous?.key === key ? previous.json : `${JSON.stringify(models)}\n`;
      if (previous?.key !== key) changed.add(name);
      chunks.set(name, { key, json });
      files[name] = json;
    }
    this.pages = pages;
    this.chunks = chunks;
    return { files, changed, chineseSummaries };
  }
}

/** The file that holds a model's details: its folder under the assets, as one JSON file. */
export function detailsChunkOf(uidPath: string): string {
  return `details/${uidPath.slice(0, uidPath.lastIndexOf('/'))}.json`;
}

/** The Chinese summary (`摘要：`) of a Chinese page, for search; undefined when it has none. */
export function chineseSummary(text: string): string | undefined {
  // Written as escapes: the bundled CLI stays ASCII (see bin/cached-cli.js).
  const match = /^\u6458\u8981\s*[\uff1a:]\s*(.+)$/m.exec(text);
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
