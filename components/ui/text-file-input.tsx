'use client';

import { useState, type ChangeEvent } from 'react';

type Props = {
  label: string;
  help: string;
  maxBytes: number;
  messages: { tooLarge: string; notText: string };
  /** The file's text and name, once it passed the checks. */
  onText: (text: string, fileName: string) => void;
  /** While a chosen file is being read: its form must not be sent with the text not there yet. */
  onReading?: (reading: boolean) => void;
};

/**
 * Reads a chosen text file in the browser, refusing at once (before any upload) what is too large
 * or not text, so that a person on a slow connection learns it straight away.
 */
export function TextFileInput({ label, help, maxBytes, messages, onText, onReading }: Props) {
  const [error, setError] = useState<string | null>(null);
  async function read(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setError(null);
    if (!file) return;
    if (file.size > maxBytes) return setError(messages.tooLarge);
    onReading?.(true);
    try {
      const content = await file.text();
      if (content.includes('\u0000')) return setError(messages.notText);
      onText(content, file.name);
    } finally {
      onReading?.(false);
    }
  }
  return (
    <div>
      <label htmlFor="file" className="block text-sm font-medium">{label}</label>
      <input id="file" type="file" accept=".txt,text/plain" onChange={read} aria-describedby="file-help" className="mt-1 block text-sm" />
      <p id="file-help" className="mt-1 text-sm text-slate-600">{help}</p>
      {error && <p role="alert" className="mt-1 text-sm text-red-800">{error}</p>}
    </div>
  );
}
