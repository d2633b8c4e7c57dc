/** Fields the hub's validator requires in every asset file. */
export const REQUIRED_FIELDS = [
  'backbone-name',
  'module-type',
  'fine-tunable',
  'model-version',
  'author',
  'update-time',
  'repo-link',
  'user-id',
  'used-for',
  'mindspore-version',
  'license',
  'summary',
] as const;

/** Fields the hub reads when they are present. */
export const OPTIONAL_FIELDS = [
  'model-name',
  'input-shape',
  'train-dataset',
  'evaluation',
  'accuracy',
  'featured-image',
  'train-backend',
  'infer-backend',
  'allow-cache-ckpt',
  'asset',
] as const;

export const KNOWN_FIELDS: ReadonlySet<string> = new Set<string>([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]);

export const ASSET_ENTRY_FIELDS = ['file-format', 'asset-link', 'asset-sha256'] as const;

/** Fields that hold a version: read from the source text, never from the number YAML makes of them. */
export const VERSION_FIELDS = ['model-version', 'mindspore-version'] as const;

/** Fields whose value may contain `:` (links, the asset list, free-form evaluation results). */
export const COLON_ALLOWED_FIELDS: ReadonlySet<string> = new Set(['repo-link', 'asset', 'evaluation']);

export const MODULE_TYPE_FAMILIES = [
  'gnn',
  'rl',
  'audio',
  'cv',
  'cvtmodel',
  'nlp',
  'recommend',
  'cross',
  'hpc',
  'mm',
  'other',
];
export const USED_FOR_VALUES = ['inference', 'extract-feature', 'transfer-learning'];
export const BACKENDS = ['cpu', 'gpu', 'ascend'];
export const FILE_FORMATS = ['air', 'ckpt', 'onnx', 'mindir', 'mslite'];
/** Extensions the hub loader accepts for a downloaded asset; `.ms` only for mslite. */
export const ASSET_EXTENSIONS = ['.ckpt', '.air', '.geir', '.meta', '.onnx', '.md'];
