import type { ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from '../text/did-you-mean.js';
import { displayValue, q } from '../text/quote.js';
import { ASSET_ENTRY_FIELDS } from './fields.js';
import { validateFrontMatter } from './generated/front-matter-validator.js';
import { assetPosition, keyPosition, type Rule, valuePosition } from './rule-context.js';

/** Compiled at build time from FRONT_MATTER_SCHEMA (scripts/generate-validators.ts): no ajv at run time. */
const validate = validateFrontMatter as unknown as ValidateFunction;

const TYPE_ADVICE: Record<string, string> = {
  boolean: 'True or False',
  number: 'a number, such as 0.7613',
  array: 'a list',
  object: 'a mapping of keys to values',
  'string,null': 'text',
  'string,number,boolean,null': 'a single value, not a list or mapping',
};

/** Required fields and value types, checked with the JSON Schema above. */
export const checkSchema: Rule = ({ doc, sink }) => {
  if (validate(doc.data)) return;
  for (const error of validate.errors ?? []) reportSchemaError(error, { doc, sink });
};

/** A key present in the file that is a near miss for the missing one (`asset_sha256` for `asset-sha256`). */
function misspellingOf(missing: string, present: readonly string[]): string | undefined {
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
        assetPosition(doc, assetIndex),
        `Asset entry ${assetIndex + 1} has no ${q(missing)}${misspelled ? ` (it has ${q(misspelled)}, which the hub does not read)` : ''}.`,
        misspelled
          ? `Rename ${q(misspelled)} to \`${missing}\`.`
          : `Add \`${missing}:\` to this entry; every entry needs ${ASSET_ENTRY_FIELDS.map((f) => `\`${f}\``).join(', ')}.`,
      );
    } else if (missing === 'model-name') {
      sink.report(
        'model-name-required',
        { line: doc.frontMatterLine },
        'The front matter has no `model-name`. The hub loader builds the network with `create_network(model-name)`, so a model without it cannot be loaded.',
        'Add `model-name: <name>`, the name your `mindspore_hub_conf.py` accepts in `create_network` (lower case).',
      );
    } else {
      const misspelled = misspellingOf(missing, Object.keys(doc.data));
      sink.report(
        'required-field',
        misspelled ? keyPosition(doc, misspelled) : { line: doc.frontMatterLine },
        `The required field ${q(missing)} is missing from the front matter${misspelled ? ` (it has ${q(misspelled)}, which the hub does not read)` : ''}.`,
        misspelled
          ? `Rename ${q(misspelled)} to \`${missing}\`.`
          : `Add a line \`${missing}: ...\` between the two \`---\` lines (see mshub_res/examples/commit_example.md).`,
      );
    }
    return;
  }

  if (error.keyword === 'type' && field !== undefined) {
    const expected = String(error.params.type);
    const advice = TYPE_ADVICE[expected] ?? expected;
    if (field === 'asset' && assetIndex !== undefined) {
      sink.report(
        'field-type',
        assetPosition(doc, assetIndex),
        `Asset entry ${assetIndex + 1} is not a mapping of \`file-format\`, \`asset-link\` and \`asset-sha256\`.`,
        'Write each entry as `- file-format: ckpt` followed by indented `asset-link:` and `asset-sha256:` lines.',
      );
      return;
    }
    if (path.length > 1) {
      const position =
        assetIndex === undefined ? keyPosition(doc, field) : assetPosition(doc, assetIndex, path[2]);
      sink.report('field-type', position, `${q(path.slice(2).join('.') || field)} must be ${advice}.`);
      return;
    }
    const value = doc.data[field];
    sink.report(
      'field-type',
      valuePosition(doc, field),
      `${q(field)} must be ${advice}, but it is ${q(displayValue(value))}.`,
      expected === 'boolean'
        ? `Write \`${field}: True\` or \`${field}: False\`.`
        : expected === 'array' && field === 'asset'
          ? 'Write `asset:` followed by entries that start with `- file-format: ...`.'
          : undefined,
    );
  }
}
