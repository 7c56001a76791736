// reminders: the platform's daily timer (no client call).
import { defineAction } from './define';
import { empty } from './fields';

export interface DailyRun {
  day: string;
  at: string;
  eventsScanned: number;
  digests: number;
  sent: number;
  skippedNoConsent: number;
  refused: number;
  failed: number;
  alreadyDone: number;
  byKind: { unit: number; office: number; event: number };
  ms: number;
  /** Residents' personal data erased after the retention period; null when the purge failed. */
  purged: { events: number; signups: number; comments: number } | null;
  /** Stored files storage could not delete when their record went, deleted now (left: still refused); null when it failed. */
  filesCleaned?: { deleted: number; left: number } | null;
}

export const reminders = {
  run: defineAction(empty).returns<DailyRun>(),
};
