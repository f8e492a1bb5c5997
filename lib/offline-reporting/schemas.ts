// What the upload forms send. Messages are keys of the "validation" catalogue; the action wrapper
// says them in the reader's language. The file itself is checked by its content (read-workbook.ts).
import { z } from 'zod';

export const previewUploadSchema = z.strictObject({
  // A form sent with no file chosen carries an empty, nameless file.
  file: z.instanceof(File, { error: 'validation.required' }).refine((file) => file.name !== '' || file.size > 0, 'validation.required'),
});

export const confirmUploadSchema = z.strictObject({
  stagedId: z.string().min(1).max(40),
});
