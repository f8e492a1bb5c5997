'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { markAllNotificationsReadAction, openNotificationAction } from '@/lib/notifications/inbox-actions';
import { FormStatus } from '@/components/ui/form-status';

/** An unread notification's text: following it marks it read, then goes where it leads. */
export function OpenNotificationButton({ id, text }: { id: string; text: string }) {
  const [state, action, pending] = useActionState(openNotificationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-start font-semibold text-un-navy underline disabled:opacity-60" data-testid="notification-open">
        {text}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

export function MarkAllReadForm() {
  const t = useTranslations('notifications');
  const [state, action, pending] = useActionState(markAllNotificationsReadAction, null);
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded border border-un-navy bg-white px-3 py-1.5 text-sm font-medium text-un-navy disabled:opacity-60">
        {t('markAllRead')}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
