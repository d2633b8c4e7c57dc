import { VENDORED_CLI_PATH } from './local-command.js';
export const ASSETS_ROOT = 'mshub_res/assets';
export const HUB_PLATFORMS = ['ascend', 'gpu', 'cpu'] as const;

/** Files in the assets tree that are documentation, not model submissions (as the hub skips them). */
const DOCUMENTATION_FILES = new Set(['README.md', 'README_CN.md']);

export interface AssetPath {
  /** Path segments below `mshub_res/assets`, file name last; undefined when outside that tree. */
  segments?: readonly string[];
  fileName: string;
}

const MAX_PATH_LENGTH = 4096;

export type UnsafePathProblem = 'empty-or-long' | 'control' | 'backslash' | 'absolute' | 'dot-segment';

/**
 * Why a path that a pull request names cannot be used, or undefined when it can. Git never stores
 * such paths, so one in a platform's answer is forged or broken; used in an API URL, `..` would
 * leave the endpoint with the bot's token.
 */
export function unsafePathProblem(path: string): UnsafePathProblem | undefined {
  if (path === '' || path.length > MAX_PATH_LENGTH) return 'empty-or-long';
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control';
  if (path.includes('\\')) return 'backslash';
  if (path.startsWith('/')) return 'absolute';
  for (const segment of path.split('/')) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {}
    if (segment === '' || decoded === '.' || decoded === '..') return 'dot-segment';
  }
  return undefined;
}

export function toPosixPath(path: string): string {
  // Looked for first: a hub's thousands of paths seldom hold one, and a replace copies each of them.
  return path.includes('\\') ? path.replace(/\\/g, '/') : path;
}

/** The rules ask about the same file's path several times in a row. */
let lastParsed: { path: string; parsed: Readonly<AssetPath> } | undefined;

export function parseAssetPath(path: string): Readonly<AssetPath> {
  if (lastParsed?.path === path) return lastParsed.parsed;
  const parsed = readAssetPath(path);
  lastParsed = { path, parsed };
  return parsed;
}

function readAssetPath(path: string): AssetPath {
  const posix = toPosixPath(path);
  const fileName = posix.slice(posix.lastIndexOf('/') + 1);
  const marker = `${ASSETS_ROOT}/`;
  const inside = posix.indexOf(`/${marker}`);
  const at = posix.startsWith(marker) ? 0 : inside === -1 ? -1 : inside + 1;
  if (at === -1) return { fileName };
  return { segments: posix.slice(at + marker.length).split('/'), fileName };
}

/**
 * A model description, or a file that was meant as one: `x.MD` and `x.markdown` are checked too,
 * so the contributor hears that the hub skips them instead of hearing nothing.
 */
export function isSubmissionFile(path: string): boolean {
  const fileName = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  // `.md` by a comparison first: nearly every file of a hub has it; the pattern finds the other spellings.
  return (
    (fileName.endsWith('.md') || /\.(md|markdown)$/i.test(fileName)) && !DOCUMENTATION_FILES.has(fileName)
  );
}

/** The hub reads only `*.md` (lower case): anything else in the assets tree never becomes a model. */
export function hasHubExtension(path: string): boolean {
  return path.endsWith('.md');
}

/** `x_cn.md` → `x.md`; undefined for a file that is not a Chinese translation. */
export function englishTwinOf(path: string): string | undefined {
  return path.endsWith('_cn.md') ? `${path.slice(0, -'_cn.md'.length)}.md` : undefined;
}

/** Whether a hub path is a submission under `mshub_res/assets`. */
export function isAssetPath(path: string): boolean {
  return path.startsWith(`${ASSETS_ROOT}/`) && isSubmissionFile(path);
}

/** Whether a folder on the way to the file is named `images`: without cutting every path of a hub apart. */
function inImagesFolder(path: string): boolean {
  return path.startsWith('images/') || path.includes('/images/');
}

/** Where check.py looks for a `featured-image` (`glob('images/*')` from `mshub_res`). */
const HUB_IMAGES_ROOT = 'mshub_res/images/';

/** The images (file names in any `images/` folder, and what the hub's own check lists) and asset paths of a hub, from its file list. */
export function hubContextFromPaths(paths: Iterable<string>): {
  images: Set<string>;
  hubImages: Set<string>;
  assetPaths: Set<string>;
  vendoredCli: boolean;
} {
  const images = new Set<string>();
  const hubImages = new Set<string>();
  const assetPaths = new Set<string>();
  let vendoredCli = false;
  for (const path of paths) {
    if (path.startsWith(HUB_IMAGES_ROOT)) {
      const slash = path.indexOf('/', HUB_IMAGES_ROOT.length);
      const name = path.slice(HUB_IMAGES_ROOT.length, slash === -1 ? path.length : slash);
      if (name !== '' && !name.startsWith('.')) hubImages.add(name);
    }
    if (inImagesFolder(path)) images.add(path.slice(path.lastIndexOf('/') + 1));
    if (isAssetPath(path)) assetPaths.add(path);
    else if (path === VENDORED_CLI_PATH) vendoredCli = true;
  }
  return { images, hubImages, assetPaths, vendoredCli };
}
