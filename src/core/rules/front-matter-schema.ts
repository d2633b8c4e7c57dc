import type { ErrorObject, ValidateFunction } from 'ajv';
import { msg } from '../messages/format-message.js';
import type { Message } from '../messages/message-spec.js';
import { didYouMean } from '../text/did-you-mean.js';
import { displayValue, q } from '../text/quote.js';
import { ASSET_ENTRY_FIELDS } from './fields.js';
import { validateFrontMatter } from './generated/front-matter-validator.js';
import { keyEdit } from './line-edits.js';
import { assetEntryLayout, assetPosition, keyPosition, type Rule, valuePosition } from './rule-context.js';

/** Compiled at build time from FRONT_MATTER_SCHEMA (scripts/generate-validators.ts): no ajv at run time. */
const validate = validateFrontMatter as unknown as ValidateFunction;

const TYPE_ADVICE: Record<string, Message> = {
  boolean: msg('type.boolean'),
  number: msg('type.number'),
  array: msg('type.array'),
  object: msg('type.object'),
  'string,null': msg('type.text'),
  'string,number,boolean,null': msg('type.single-value'),
};

/** Required fields and value types, checked with the JSON Schema above. */
export const checkSchema: Rule = ({ doc, sink }) => {
  if (validate(doc.data)) return;
  for (const error of validate.errors ?? []) reportSchemaError(error, { doc, sink });
};

/** A key present in the file that is a near miss for the missing one (`asset_sha256` for `asset-sha256`). */
export function misspellingOf(missing: string, present: readonly string[]): string | undefined {
  return present.find((key) => key !== missing && didYouMean(key, [missing]) === missing);
}

function reportSchemaError(
  error: ErrorObject,
  { doc, sink }: Pick<Parameters<Rule>[0], 'doc' | 'sink'>,
): void {
  const path = error.instancePath.split('/').slice(1);
  const [field, assetIndexText] = path;
  const assetIndex = assetIndexText === undefined ? undefined : Number(assetIndexText);

  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty);
    if (field === 'asset' && assetIndex !== undefined) {
      const entry = (doc.data.asset as Array<Record<string, unknown>>)[assetIndex] ?? {};
      const misspelled = misspellingOf(missing, Object.keys(entry));
      sink.report(
        'required-field',
        // A misspelt key is reported where it is written, with its rename as the fix.
        misspelled ? assetPosition(doc, assetIndex, misspelled) : assetPosition(doc, assetIndex),
        misspelled
          ? msg('required-field.asset-entry-misspelled', {
              entry: assetIndex + 1,
              missing: q(missing),
              misspelled: q(misspelled),
            })
          : msg('required-field.asset-entry', { entry: assetIndex + 1, missing: q(missing) }),
        misspelled
          ? msg('required-field.fix-rename', { misspelled: q(misspelled), missing })
          : msg('required-field.fix-asset-entry', {
              missing,
              fields: ASSET_ENTRY_FIELDS.map((f) => `\`${f}\``),
            }),
        misspelled
          ? keyEdit(doc, assetEntryLayout(doc, assetIndex)?.keys.get(misspelled), misspelled, missing)
          : undefined,
      );
    } else if (missing === 'model-name') {
      sink.report(
        'model-name-required',
        { line: doc.frontMatterLine },
        msg('model-name-required.message'),
        msg('model-name-required.fix'),
      );
    } else {
      const misspelled = misspellingOf(missing, Object.keys(doc.data));
      sink.report(
        'required-field',
        misspelled ? keyPosition(doc, misspelled) : { line: doc.frontMatterLine },
        misspelled
          ? msg('required-field.top-level-misspelled', { missing: q(missing), misspelled: q(misspelled) })
          : msg('required-field.top-level', { missing: q(missing) }),
        misspelled
          ? msg('required-field.fix-rename', { misspelled: q(misspelled), missing })
          : msg('required-field.fix-add', { missing }),
        misspelled ? keyEdit(doc, doc.layout.keys.get(misspelled), misspelled, missing) : undefined,
      );
    }
    return;
  }

  if (error.keyword === 'type' && field !== undefined) {
    const expected = String(error.params.type);
    const advice = Object.hasOwn(TYPE_ADVICE, expected)
      ? (TYPE_ADVICE[expected] as Message)
      : msg('type.other', { type: expected });
    if (field === 'asset' && assetIndex !== undefined) {
      sink.report(
        'field-type',
        assetPosition(doc, assetIndex),
        msg('field-type.asset-entry', { entry: assetIndex + 1 }),
        msg('field-type.fix-asset-entry'),
      );
      return;
    }
    if (path.length > 1) {
      const position =
        assetIndex === undefined ? keyPosition(doc, field) : assetPosition(doc, assetIndex, path[2]);
      sink.report(
        'field-type',
        position,
        msg('field-type.nested', { field: q(path.slice(2).join('.') || field), expected: advice }),
      );
      return;
    }
    const value = doc.data[field];
    sink.report(
      'field-type',
      valuePosition(doc, field),
      msg('field-type.value', { field: q(field), expected: advice, value: q(displayValue(value)) }),
      expected === 'boolean'
        ? msg('field-type.fix-boolean', { field })
        : expected === 'array' && field === 'asset'
          ? msg('field-type.fix-asset-list')
          : undefined,
    );
  }
}
