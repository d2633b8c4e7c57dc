import { englishTwinOf, HUB_PLATFORMS, hasHubExtension, parseAssetPath } from '../hub-path.js';
import { msg } from '../messages/format-message.js';
import type { Message } from '../messages/message-spec.js';
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
function layoutFix(path: string, folders: readonly string[], hints: LayoutHints): Message {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  // The publisher folder is the one that is neither a version nor a platform (`2.5/wangwu` swapped).
  const named = folders.find(
    (folder) =>
      OWNER_FOLDER.test(folder) &&
      !VERSION_FOLDER.test(folder) &&
      !(HUB_PLATFORMS as readonly string[]).includes(folder),
  );
  const owner =
    named ??
    hints.userId
      ?.toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '');
  const version = hints.version && VERSION_FOLDER.test(hints.version) ? hints.version : undefined;
  if (owner && version)
    return msg('folder-layout.fix-known', {
      path: `mshub_res/assets/${inCode(owner)}/${inCode(version)}/${inCode(fileName)}`,
    });
  return msg('folder-layout.fix');
}

/** Path rules need no parsing of the file, so they also run on files whose front matter is broken. */
export function checkFolderLayout(path: string, sink: ReportSink, hints: LayoutHints = {}): void {
  const { segments } = parseAssetPath(path);
  if (!segments) {
    sink.report(
      'folder-layout',
      undefined,
      msg('folder-layout.outside-assets', { path: q(path) }),
      msg('folder-layout.fix-outside-assets'),
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
      msg('folder-layout.message', { folder: q(folders.join('/') || '.') }),
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
    msg('file-extension.message', { file: q(fileName) }),
    msg('file-extension.fix', { file: q(renamed) }),
  );
}

/** A `*_cn.md` file is the Chinese page of a model; the model itself is described by its English twin. */
export function checkChineseTwin(path: string, hub: HubContext, sink: ReportSink): void {
  const twin = englishTwinOf(path);
  if (!twin || !hub.assetPaths || hub.assetPaths.has(twin)) return;
  sink.report(
    'cn-twin',
    undefined,
    msg('cn-twin.message', { path: q(path), twin: q(twin) }),
    msg('cn-twin.fix', { twin: q(twin) }),
  );
}
