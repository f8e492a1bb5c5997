'use client';

import { createContext, useActionState, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { restoreEvidenceAction } from '@/lib/evidence/actions';

/** How long the page offers to undo a removal (the server allows longer, for a slow network). */
export const UNDO_SECONDS = 10;

type Removed = { evidenceId: string; what: string; key: number };
type UndoContext = { offer: (removed: { evidenceId: string; what: string }) => void };

const Context = createContext<UndoContext>({ offer: () => {} });

/** For the forms that remove evidence: offers the undo once the removal is done. */
export function useEvidenceUndo(): UndoContext {
  return useContext(Context);
}

/**
 * Holds the "Removed … Undo" bar of an evidence section. It sits above the list, so it outlives
 * the removed item (which leaves the page when the list is refreshed), and the undo is a real
 * restore on the server, authorized and audited there.
 */
export function EvidenceUndoProvider({ children }: { children: ReactNode }) {
  const [removed, setRemoved] = useState<Removed | null>(null);
  const offer = useCallback((entry: { evidenceId: string; what: string }) => setRemoved({ ...entry, key: Date.now() }), []);
  const close = useCallback(() => setRemoved(null), []);
  return (
    <Context.Provider value={{ offer }}>
      {children}
      {/* Keyed by the removal: a second removal gets a fresh bar, with its own time and state. */}
      {removed && <UndoBar key={removed.key} removed={removed} onClose={close} />}
    </Context.Provider>
  );
}

function UndoBar({ removed, onClose }: { removed: Removed; onClose: () => void }) {
  const t = useTranslations('evidence.undo');
  const [state, action, pending] = useActionState(restoreEvidenceAction, null);
  const [secondsLeft, setSecondsLeft] = useState(UNDO_SECONDS);
  const bar = useRef<HTMLDivElement>(null);
  const restored = state?.ok === true;

  // The removed item's button is gone: the bar takes the focus, and is read out.
  useEffect(() => bar.current?.focus(), []);
  useEffect(() => {
    if (pending || (state && !state.ok)) return;
    if (secondsLeft <= 0 || restored) {
      const close = setTimeout(onClose, restored ? 4000 : 0);
      return () => clearTimeout(close);
    }
    const tick = setTimeout(() => setSecondsLeft((left) => left - 1), 1000);
    return () => clearTimeout(tick);
  }, [secondsLeft, pending, restored, state, onClose]);

  return (
    <div
      ref={bar} tabIndex={-1} role="status" aria-live="polite" data-testid="evidence-undo"
      className="fixed inset-x-2 bottom-2 z-40 mx-auto flex max-w-xl flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg outline-none focus-visible:ring-2 focus-visible:ring-un-blue sm:bottom-4"
    >
      <p className="min-w-0 flex-1 break-words">
        {restored ? t('restored', { what: removed.what }) : state && !state.ok ? state.message : t('removed', { what: removed.what })}
      </p>
      {!restored && (
        <form action={action} className="flex items-center gap-3">
          <input type="hidden" name="evidenceId" value={removed.evidenceId} />
          <button type="submit" disabled={pending} className="rounded bg-white px-3 py-1.5 font-medium text-slate-900 disabled:opacity-60">
            {pending ? t('restoring') : t('undo')}
          </button>
          {!pending && !state && <span className="text-xs text-slate-300" aria-hidden>{t('secondsLeft', { seconds: secondsLeft })}</span>}
        </form>
      )}
      <button type="button" onClick={onClose} aria-label={t('close')} className="rounded px-2 py-1 text-slate-300 hover:text-white">
        <span aria-hidden>×</span>
      </button>
    </div>
  );
}
