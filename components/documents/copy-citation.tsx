'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';

/** Copies a citation (and the paragraph's address) to the clipboard, and says so. 24 px high: small text, a target a finger can hit (WCAG 2.5.8). */
export function CopyCitation({ citation, url }: { citation: string; url: string }) {
  const t = useTranslations('documents');
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(`${citation} ${new URL(url, window.location.href).href}`);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard (insecure context): the citation is on the page to select by hand.
    }
  }
  return (
    <button type="button" onClick={copy} className="inline-flex min-h-6 items-center text-xs text-un-navy underline" aria-live="polite">
      {copied ? t('copied') : t('copyCitation')}
    </button>
  );
}
