import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMshubError } from '../../src/core/errors.js';
import { AuditSchedule } from '../../src/jobs/audit-schedule.js';

describe('AuditSchedule', () => {
  const at = new Date('2026-12-07T18:30:00Z');

  it('names the next time of the cron expression, in UTC', () => {
    const schedule = new AuditSchedule('0 3 * * *', async () => {}, { now: () => at });
    assert.equal(schedule.nextAt().toISOString(), '2026-12-08T03:00:00.000Z');
  });

  it('refuses an expression it cannot read, saying what AUDIT_SCHEDULE should be', () => {
    assert.throws(
      () => new AuditSchedule('every night', async () => {}),
      (error) => isMshubError(error, 'CONFIG_INVALID') && /minute hour day month weekday/.test(error.message),
    );
  });

  it('runs at once to go on with an unfinished audit, and a stop aborts the run and waits for it', async () => {
    let sawAbort = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const schedule = new AuditSchedule(
      '0 3 * * *',
      (signal) =>
        new Promise<void>((resolve) => {
          started();
          signal.addEventListener('abort', () => {
            sawAbort = true;
            resolve();
          });
        }),
      { now: () => at },
    );
    schedule.start(true);
    await running;
    assert.equal(schedule.busy, true);
    await schedule.stop();
    assert.equal(sawAbort, true);
    assert.equal(schedule.busy, false);
  });
});
