import type { Catalog } from './build-catalog.js';

/** What the last audit of a hub found, per file: what the hub page shows beside each model. */
export interface AuditSnapshot {
  /** When the audit finished (ISO 8601). */
  finishedAt: string;
  faults: ReadonlyArray<{ path: string; kind: string; message: string }>;
}

/**
 * The catalog with the last audit's faults on the models they concern (as problems, by fault kind)
 * and the audit's date: the page then says which models cannot be loaded as listed today.
 */
export function withAudit(catalog: Catalog, audit: AuditSnapshot | undefined): Catalog {
  if (!audit) return catalog;
  const byPath = new Map<string, Array<{ kind: string; message: string }>>();
  for (const fault of audit.faults) byPath.set(fault.path, [...(byPath.get(fault.path) ?? []), fault]);
  return {
    ...catalog,
    audited: audit.finishedAt,
    models: catalog.models.map((model) => {
      const faults = byPath.get(model.path);
      if (!faults) return model;
      return {
        ...model,
        problems: [
          ...(model.problems ?? []),
          ...faults.map((fault) => ({
            rule: fault.kind,
            severity: 'error' as const,
            message: fault.message,
          })),
        ],
      };
    }),
  };
}
