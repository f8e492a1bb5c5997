// Form fields a black-box probe got past: absurd dates in every date field (a cycle's dates, a
// report's "as of", a document's publication date) and web links with a user name and password.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCycleSchema, dayProblem } from '@/lib/cycles/schemas';
import { linkReportUrlSchema, saveReportSchema } from '@/lib/status-reports/schemas';
import { previewDocumentSchema } from '@/lib/documents/schemas';
import { isWebUrl, linkUrlSchema } from '@/lib/evidence/schemas';

const errorsOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? {} : (z.flattenError(result.error!).fieldErrors as Record<string, string[]>);

const ABSURD: [string, string][] = [
  ['0000-01-01', 'validation.dateRange'],
  ['1899-12-31', 'validation.dateRange'],
  ['2201-01-01', 'validation.dateRange'],
  ['9999-12-31', 'validation.dateRange'],
  ['2023-02-30', 'validation.date'],
  ['2023-13-01', 'validation.date'],
  ['2023-1-1', 'validation.date'],
  ['+02023-01-01', 'validation.date'],
];

describe('dates', () => {
  it('accepts the real days from 1900 to 2200', () => {
    for (const day of ['1900-01-01', '2016-04-19', '2024-02-29', '2200-12-31']) expect(dayProblem(day)).toBeNull();
  });

  it('names what is wrong with an absurd or impossible day', () => {
    for (const [day, problem] of ABSURD) expect(dayProblem(day)).toBe(problem);
  });

  const cycle = { code: '2027', nameEn: 'Cycle 2027', periodStart: '2027-01-01', periodEnd: '2027-12-31', opensOn: '2027-01-01', deadline: '2027-06-30' };

  it.each(['periodStart', 'periodEnd', 'opensOn', 'deadline'] as const)("refuses an absurd day in a cycle's %s", (field) => {
    expect(createCycleSchema.safeParse(cycle).success).toBe(true);
    for (const [day, problem] of ABSURD) {
      expect(errorsOf(createCycleSchema.safeParse({ ...cycle, [field]: day }))[field]).toEqual([problem]);
    }
  });

  const report = { cycleId: 'c', entityId: 'e', commitmentId: 'm', version: '0', status: 'IN_PROGRESS', narrative: '', intent: 'save' };

  it("refuses an absurd day in a report's \"as of\", and takes none", () => {
    expect(saveReportSchema.parse({ ...report, asOf: '' }).asOf).toBeNull();
    expect(saveReportSchema.parse({ ...report, asOf: '2026-05-31' }).asOf).toBe('2026-05-31');
    for (const [day, problem] of ABSURD) expect(errorsOf(saveReportSchema.safeParse({ ...report, asOf: day })).asOf).toEqual([problem]);
  });

  const document = { symbol: 'A/74/129', language: 'en', text: 'x' };

  it("refuses an absurd day in a document's publication date, and takes none", () => {
    expect(previewDocumentSchema.parse({ ...document, publishedOn: '' }).publishedOn).toBeNull();
    expect(previewDocumentSchema.parse(document).publishedOn).toBeNull();
    expect(previewDocumentSchema.parse({ ...document, publishedOn: '2019-07-03' }).publishedOn).toBe('2019-07-03');
    for (const [day, problem] of ABSURD) {
      expect(errorsOf(previewDocumentSchema.safeParse({ ...document, publishedOn: day })).publishedOn).toEqual([problem]);
    }
  });
});

describe('web links', () => {
  const WITH_CREDENTIALS = ['https://user:password@example.org/report', 'https://user@example.org/', 'http://:secret@example.org/', 'https://www.un.org@evil.example/'];

  it('are refused when they carry a user name or password', () => {
    for (const url of WITH_CREDENTIALS) expect(isWebUrl(url)).toBe(false);
    expect(isWebUrl('https://www.unodc.org/documents/a@b.pdf')).toBe(true);
    expect(isWebUrl('https://example.org/?contact=a@b.org')).toBe(true);
  });

  it('are refused in both evidence forms, saying why', () => {
    for (const url of WITH_CREDENTIALS) {
      expect(errorsOf(linkUrlSchema.safeParse({ commitmentId: 'c', url, title: 'T' })).url).toEqual(['validation.urlCredentials']);
      expect(errorsOf(linkReportUrlSchema.safeParse({ reportId: 'r', url, title: 'T' })).url).toEqual(['validation.urlCredentials']);
    }
    expect(errorsOf(linkUrlSchema.safeParse({ commitmentId: 'c', url: 'ftp://example.org/', title: 'T' })).url).toEqual(['validation.invalid']);
  });
});
