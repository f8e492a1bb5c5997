import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import { exportStatusReports, type StatusReportExportQuery } from './status-reports-export';

/** The status reports this user may read, with the filters asked for, as a streamed file. */
export function downloadStatusReports(user: SessionUser | null, query: StatusReportExportQuery) {
  return exportStatusReports(db, user, query);
}
