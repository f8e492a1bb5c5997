'use server';

// A person's own language, remembered when they switch it: the signed-in user is the only
// resource, so every user may.
import { db } from '@/lib/db';
import { formAction } from '@/lib/action-state';
import { rememberLanguage } from './language-mutations';
import { myLanguageSchema } from './schemas';

const own = () => true;

export const rememberLanguageAction = formAction(myLanguageSchema, own, async (input, user) => rememberLanguage(db, user.id, input));
