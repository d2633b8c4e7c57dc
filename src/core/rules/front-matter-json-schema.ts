import { ASSET_ENTRY_FIELDS, REQUIRED_FIELDS } from './fields.js';

const scalar = { type: ['string', 'number', 'boolean', 'null'] };
const text = { type: ['string', 'null'] };

/** The shape of an asset file's front matter; values are checked further by the field rules. */
export const FRONT_MATTER_SCHEMA = {
  type: 'object',
  required: [...REQUIRED_FIELDS, 'model-name'],
  properties: {
    'model-name': scalar,
    'backbone-name': scalar,
    'module-type': text,
    'fine-tunable': { type: 'boolean' },
    'input-shape': { type: ['array', 'null'] },
    'model-version': scalar,
    'train-dataset': scalar,
    evaluation: { type: ['string', 'number', 'boolean', 'null', 'object', 'array'] },
    accuracy: { type: 'number' },
    author: scalar,
    'update-time': scalar,
    'repo-link': text,
    'user-id': scalar,
    'used-for': text,
    'featured-image': text,
    'train-backend': text,
    'infer-backend': text,
    'mindspore-version': scalar,
    'allow-cache-ckpt': { type: 'boolean' },
    license: scalar,
    summary: scalar,
    asset: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: [...ASSET_ENTRY_FIELDS],
        properties: {
          'file-format': text,
          'asset-link': text,
          'asset-sha256': scalar,
        },
      },
    },
  },
} as const;
