'use client';

// Last resort when the page layout itself fails: no translations can be loaded here, so the
// message is given in English and Chinese.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem', maxWidth: '40rem', margin: '0 auto' }}>
        <h1>Something went wrong · 出现问题</h1>
        <p>The page could not be shown. Nothing you saved was lost. · 无法显示该页面。您已保存的内容没有丢失。</p>
        {error.digest && <p>Reference · 参考编号: <code>{error.digest}</code></p>}
        <button type="button" onClick={reset}>Try again · 重试</button>
      </body>
    </html>
  );
}
