import { englishTwinOf, HUB_PLATFORMS, hasHubExtension, parseAssetPath } from '../hub-path.js';
import type { ReportSink } from '../report-sink.js';
import { inCode, q } from '../text/quote.js';
import type { HubContext } from './rule-context.js';

const VERSION_FOLDER = /^\d+\.\d+$/;
const OWNER_FOLDER = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** What the front matter says, when it could be read: the folder a file belongs in follows from it. */
export interface LayoutHints {
  userId?: string;
  version?: string;
}

/** `mshub_res/assets/<publisher>/<version>/<file>`, with the file's own values where they are known. */
function layoutFix(path: string, folders: readonly string[], hints: LayoutHints): string {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const owner =
    folders[0] && OWNER_FOLDER.test(folders[0])
      ? folders[0]
      : hints.userId
          ?.toLowerCase()
          .replace(/[^a-z0-9_.-]+/g, '-')
          .replace(/^[-.]+|[-.]+$/g, '');
  const version = hints.version && VERSION_FOLDER.test(hints.version) ? hints.version : undefined;
  if (owner && version)
    return `Move the file to \`mshub_res/assets/${inCode(owner)}/${inCode(version)}/${inCode(fileName)}\` (publisher folder, then the \`mindspore-version\` of the file).`;
  return 'Move the file to `mshub_res/assets/<publisher>/<mindspore-version>/`, for example `mshub_res/assets/mindspore/2.5/resnet50_imagenet2012.md`.';
}

/** Path rules need no parsing of the file, so they also run on files whose front matter is broken. */
export function checkFolderLayout(path: string, sink: ReportSink, hints: LayoutHints = {}): void {
  const { segments } = parseAssetPath(path);
  if (!segments) {
    sink.report(
      'folder-layout',
      undefined,
      `${q(path)} is not inside \`mshub_res/assets\`, so the folder rules were not checked.`,
      'Submit the file under `mshub_res/assets/<publisher>/<mindspore-version>/` in the hub repository.',
    );
    return;
  }
  const folders = segments.slice(0, -1);
  const [owner, second, third] = folders;
  const fits =
    owner !== undefined &&
    OWNER_FOLDER.test(owner) &&
    ((folders.length === 2 && VERSION_FOLDER.test(second ?? '')) ||
      (folders.length === 3 &&
        (HUB_PLATFORMS as readonly string[]).includes(second ?? '') &&
        VERSION_FOLDER.test(third ?? '')));
  if (!fits) {
    sink.report(
      'folder-layout',
      undefined,
      `The folder ${q(folders.join('/') || '.')} under \`mshub_res/assets\` is neither \`<publisher>/<version>\` nor \`<publisher>/<ascend|gpu|cpu>/<version>\`.`,
      layoutFix(path, folders, hints),
    );
  }
}

/** The hub's validator and loader read only `*.md`: a `*.MD` file is skipped as if it were not there. */
export function checkFileExtension(path: string, sink: ReportSink): void {
  if (hasHubExtension(path)) return;
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const renamed = fileName.replace(/\.(md|markdown)$/i, '.md');
  sink.report(
    'file-extension',
    undefined,
    `The hub reads only files whose names end in \`.md\` (lower case), so it skips ${q(fileName)} and the model never appears.`,
    `Rename the file to ${q(renamed)}.`,
  );
}

/** A `*_cn.md` file is the Chinese page of a model; the model itself is described by its English twin. */
export function checkChineseTwin(path: string, hub: HubContext, sink: ReportSink): void {
  const twin = englishTwinOf(path);
  if (!twin || !hub.assetPaths || hub.assetPaths.has(twin)) return;
  sink.report(
    'cn-twin',
    undefined,
    `${q(path)} is a Chinese page, but its English twin ${q(twin)} is not in the hub.`,
    `Add ${q(twin)} with the model's front matter; the \`_cn.md\` file is checked through it.`,
  );
}
