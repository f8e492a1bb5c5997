// Users and helpers shared by the end-to-end server and the tests. These accounts are the
// tests' own, never the demo accounts.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@/lib/generated/prisma/enums';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);

/** Where the server tells the tests which database it runs on. */
export const E2E_STATE_FILE = join(tmpdir(), `tracker-e2e-${E2E_PORT}.json`);

export type E2EUser = { email: string; password: string; name: string; role: Role; entity: string | null };

export const USERS = {
  admin: { email: 'e2e-admin@example.test', password: 'e2e admin password', name: 'E2E Administrator', role: 'ADMIN', entity: null },
  secretariat: { email: 'e2e-secretariat@example.test', password: 'e2e secretariat password', name: 'E2E Reviewer', role: 'SECRETARIAT', entity: null },
  focalMex: { email: 'e2e-focal-mex@example.test', password: 'e2e focal mex password', name: 'E2E Focal Point Mexico', role: 'FOCAL_POINT', entity: 'MEX' },
  focalNga: { email: 'e2e-focal-nga@example.test', password: 'e2e focal nga password', name: 'E2E Focal Point Nigeria', role: 'FOCAL_POINT', entity: 'NGA' },
  focalUnodc: { email: 'e2e-focal-unodc@example.test', password: 'e2e focal unodc password', name: 'E2E Focal Point UNODC', role: 'FOCAL_POINT', entity: 'UNODC' },
  // Coordinates Colombia's contributors in the contributors' tests, and nothing else.
  focalCol: { email: 'e2e-focal-col@example.test', password: 'e2e focal col password', name: 'E2E Coordinator Colombia', role: 'FOCAL_POINT', entity: 'COL' },
  // Turns two-step sign-in on in tests/e2e/mfa.spec.ts, and is used nowhere else.
  focalPer: { email: 'e2e-focal-per@example.test', password: 'e2e focal per password', name: 'E2E Focal Point Peru', role: 'FOCAL_POINT', entity: 'PER' },
  viewer: { email: 'e2e-viewer@example.test', password: 'e2e viewer password', name: 'E2E Viewer', role: 'VIEWER', entity: null },
  disposable: { email: 'e2e-disposable@example.test', password: 'e2e disposable password', name: 'E2E Disposable', role: 'VIEWER', entity: null },
  // Signing out ends every session of a user: the sign-out tests have users of their own.
  leavingReviewer: { email: 'e2e-leaving-reviewer@example.test', password: 'e2e leaving reviewer password', name: 'E2E Leaving Reviewer', role: 'SECRETARIAT', entity: null },
  leavingFocal: { email: 'e2e-leaving-focal@example.test', password: 'e2e leaving focal password', name: 'E2E Leaving Focal Point', role: 'FOCAL_POINT', entity: 'NGA' },
  leavingShell: { email: 'e2e-leaving-shell@example.test', password: 'e2e leaving shell password', name: 'E2E Leaving Shell Reviewer', role: 'SECRETARIAT', entity: null },
  // Brazil's overview counts (tests/e2e/shell.spec.ts): no other test reports for Brazil.
  focalBra: { email: 'e2e-focal-bra@example.test', password: 'e2e focal bra password', name: 'E2E Focal Point Brazil', role: 'FOCAL_POINT', entity: 'BRA' },
  // Reports with the keyboard alone (tests/e2e/keyboard.spec.ts), and nothing else.
  focalKen: { email: 'e2e-focal-ken@example.test', password: 'e2e focal ken password', name: 'E2E Focal Point Kenya', role: 'FOCAL_POINT', entity: 'KEN' },
  // The focal point of the accessibility checks (tests/e2e/accessibility.spec.ts): submits 1(a), to be reviewed, and nothing else.
  focalGha: { email: 'e2e-focal-gha@example.test', password: 'e2e focal gha password', name: 'E2E Focal Point Ghana', role: 'FOCAL_POINT', entity: 'GHA' },
  // Switches language and signs in again (tests/e2e/shell.spec.ts), and nothing else: its profile's language changes.
  polyglot: { email: 'e2e-polyglot@example.test', password: 'e2e polyglot password', name: 'E2E Polyglot', role: 'VIEWER', entity: null },
} satisfies Record<string, E2EUser>;
