import type { Environment } from '../config/environment.js';
import { AuditSchedule } from '../jobs/audit-schedule.js';
import type { AuditService } from './audit-service.js';

/**
 * The audit of AUDIT_REPOS on AUDIT_SCHEDULE; at once when a stop left one unfinished. A wrong
 * expression stops serve at start, saying what to change.
 */
export function startAuditSchedule(
  audit: AuditService,
  environment: Environment,
  log: { info(data: object, message: string): void; error(data: object, message: string): void },
): AuditSchedule {
  const schedule = new AuditSchedule(environment.audit.schedule, (signal) => audit.auditAll(signal), {
    onError: (error) => log.error({ err: error }, 'the scheduled audit failed; the next run tries again'),
  });
  void audit.unfinished().then((unfinished) => {
    schedule.start(unfinished.length > 0);
    log.info(
      {
        hubs: audit.hubs,
        schedule: schedule.expression,
        next: schedule.nextAt().toISOString(),
        resumed: unfinished,
      },
      'audits scheduled',
    );
  });
  return schedule;
}
