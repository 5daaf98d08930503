const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML: `&`, `<`, `>`, `"` and `'` become character references, so the text is safe both
 * between tags and inside a quoted attribute value.
 *
 * @param text - Any text.
 * @returns The text, escaped.
 *
 * @example
 * ```ts
 * escapeHtml(`<b>"Tom" & 'Jerry'</b>`); // => "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}
