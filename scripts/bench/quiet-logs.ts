// Imported first by the bench's programs: the application's per-change log lines (info) would
// bury the progress and the results; warnings and errors still show.
process.env.LOG_LEVEL ??= 'warn';
