import { HUB_PLATFORMS, parseAssetPath } from '../hub-path.js';
import { msg } from '../messages/format-message.js';
import { inCode, q } from '../text/quote.js';
import { scalarText } from '../text/scalar-text.js';
import { BACKENDS, VERSION_FIELDS } from './fields.js';
import { textEdit, valueEdit } from './line-edits.js';
import { type AssetDocument, type Rule, unquote, valuePosition } from './rule-context.js';

const VERSION = /^\d+(?:\.\d+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

interface AssetFolders {
  owner: string;
  platform?: string;
  version: string;
}

/** The folders a file lives in under `mshub_res/assets`, when they follow one of the two layouts. */
function folderOf({ path }: AssetDocument): AssetFolders | undefined {
  const folders = parseAssetPath(path).segments?.slice(0, -1) ?? [];
  if (folders.length === 2) return { owner: folders[0] ?? '', version: folders[1] ?? '' };
  if (folders.length === 3 && (HUB_PLATFORMS as readonly string[]).includes(folders[1] ?? ''))
    return { owner: folders[0] ?? '', platform: folders[1] ?? '', version: folders[2] ?? '' };
  return undefined;
}

/** A field's text as written in the file (YAML reads an unquoted `1.10` as 1.1). */
function writtenText(doc: AssetDocument, field: string): string | undefined {
  const raw = doc.layout.keys.get(field)?.rawValue;
  if (raw !== undefined && raw !== '') return unquote(raw).trim();
  return scalarText(doc.data[field])?.trim();
}

/** `model-version: v1.2` and `mindspore-version: r0.6` were fixed by hand again and again in the hub. */
export const checkVersionFormat: Rule = ({ doc, sink }) => {
  for (let index = 0; index < VERSION_FIELDS.length; index++) {
    const field = VERSION_FIELDS[index] as (typeof VERSION_FIELDS)[number];
    const text = writtenText(doc, field);
    if (text === undefined || text === '' || VERSION.test(text)) continue;
    const bare = text.replace(/^[vVrR]\s*/, '');
    const certain = VERSION.test(bare) && bare.includes('.');
    const fix = certain
      ? msg('version-format.fix-certain', { field, version: bare })
      : msg('version-format.fix', { field });
    sink.report(
      'version-format',
      valuePosition(doc, field),
      msg('version-format.message', { field, value: q(text) }),
      fix,
      certain ? valueEdit(doc, doc.layout.keys.get(field), `"${bare}"`) : undefined,
    );
  }
};

/** The loader finds a model by its folder (`mindspore/1.9/albert_mnli`): the front matter must say the same. */
export const checkVersionFolder: Rule = ({ doc, sink }) => {
  const folder = folderOf(doc);
  const text = writtenText(doc, 'mindspore-version');
  if (!folder || text === undefined || !VERSION.test(text) || !VERSION.test(folder.version)) return;
  if (text === folder.version) return;
  const fileName = doc.path.slice(doc.path.lastIndexOf('/') + 1);
  const platform = folder.platform ? `${folder.platform}/` : '';
  sink.report(
    'version-folder',
    valuePosition(doc, 'mindspore-version'),
    msg('version-folder.message', { value: q(text), folder: q(folder.version) }),
    msg('version-folder.fix', {
      folder: folder.version,
      path: `mshub_res/assets/${inCode(folder.owner)}/${platform}${inCode(text)}/${inCode(fileName)}`,
    }),
  );
};

/** `update-time: 2023-2-17` sorts after `2023-10-01` as text: 512 hub files write it so. */
export const checkUpdateTime: Rule = ({ doc, sink }) => {
  const text = writtenText(doc, 'update-time');
  if (text === undefined || text === '' || DATE.test(text)) return;
  const loose = LOOSE_DATE.exec(text);
  const [, year = '', month = '', day = ''] = loose ?? [];
  const month2 = month.padStart(2, '0');
  const day2 = day.padStart(2, '0');
  const valid =
    loose !== null && Number(month2) >= 1 && Number(month2) <= 12 && Number(day2) >= 1 && Number(day2) <= 31;
  sink.report(
    'update-time-format',
    valuePosition(doc, 'update-time'),
    msg('update-time-format.message', { value: q(text) }),
    valid
      ? msg('update-time-format.fix-certain', { date: `${year}-${month2}-${day2}` })
      : msg('update-time-format.fix'),
    valid ? textEdit(doc, doc.layout.keys.get('update-time'), `${year}-${month2}-${day2}`) : undefined,
  );
};

/** The hub lowercases only the family when it checks it; the site filters by the text as written. */
export const checkModuleTypeCase: Rule = ({ doc, sink }) => {
  const value = doc.data['module-type'];
  if (typeof value !== 'string' || value === value.toLowerCase()) return;
  sink.report(
    'module-type-case',
    valuePosition(doc, 'module-type'),
    msg('module-type-case.message', { value: q(value), lower: inCode(value.toLowerCase()) }),
    msg('module-type-case.fix', { lower: inCode(value.toLowerCase()) }),
    textEdit(doc, doc.layout.keys.get('module-type'), value.toLowerCase()),
  );
};

/** In the old `<publisher>/<ascend|gpu|cpu>/<version>/` layout, the folder names the platform of the model. */
export const checkBackendFolder: Rule = ({ doc, sink }) => {
  const platform = folderOf(doc)?.platform;
  if (!platform) return;
  for (const field of ['train-backend', 'infer-backend']) {
    const value = doc.data[field];
    if (typeof value !== 'string') continue;
    const backends = value.split('/').map((item) => item.trim().toLowerCase());
    if (!backends.every((item) => BACKENDS.includes(item)) || backends.includes(platform)) continue;
    sink.report(
      'backend-folder',
      valuePosition(doc, field),
      msg('backend-folder.message', { platform, field, value: q(value) }),
      msg('backend-folder.fix', { field, value: inCode([...backends, platform].join('/')), platform }),
    );
  }
};
