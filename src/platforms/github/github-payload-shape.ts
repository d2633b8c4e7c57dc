/**
 * What the app's handlers read from each event they handle. A delivery that is signed but lacks one
 * of these is answered 400 with the field named, before any handler runs, rather than failing
 * inside a handler with a TypeError and a 500.
 */
const REPOSITORY = ['repository.name:string', 'repository.owner.login:string'];
const REQUIRED_FIELDS: Record<string, readonly string[]> = {
  pull_request: [
    ...REPOSITORY,
    'action:string',
    'pull_request.number:number',
    'pull_request.head.sha:string',
    'pull_request.base.ref:string',
  ],
  push: [...REPOSITORY, 'ref:string', 'after:string'],
  check_run: [
    ...REPOSITORY,
    'action:string',
    'check_run.name:string',
    'check_run.head_sha:string',
    'check_run.pull_requests:array',
  ],
  check_suite: [
    ...REPOSITORY,
    'action:string',
    'check_suite.head_sha:string',
    'check_suite.pull_requests:array',
  ],
  issue_comment: [...REPOSITORY, 'action:string', 'issue.number:number', 'comment:object'],
};

/** The first field a handled event lacks, as `path (type)`; undefined when the payload has them all. */
export function missingPayloadField(event: string, payload: unknown): string | undefined {
  if (!Object.hasOwn(REQUIRED_FIELDS, event)) return undefined;
  for (const spec of REQUIRED_FIELDS[event] ?? []) {
    const [path = '', type = ''] = spec.split(':');
    let value: unknown = payload;
    for (const key of path.split('.')) {
      value =
        value !== null && typeof value === 'object' && Object.hasOwn(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    const ok =
      type === 'array'
        ? Array.isArray(value)
        : type === 'object'
          ? value !== null && typeof value === 'object' && !Array.isArray(value)
          : typeof value === type && (type !== 'number' || Number.isSafeInteger(value));
    if (!ok) return `${path} (${type})`;
  }
  return undefined;
}
