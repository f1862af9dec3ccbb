/**
 * Quotes onto the clipboard as plain text and as HTML, so a word processor pastes a
 * paragraph per quote and a plain editor the text. Where the rich clipboard is refused
 * (an older browser, no permission), the plain text alone still goes.
 */
export async function copyRich(text: string, html: string): Promise<"rich" | "plain"> {
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" }),
        }),
      ]);
      return "rich";
    } catch {
      // Falls through to the plain text.
    }
  }
  await navigator.clipboard.writeText(text);
  return "plain";
}
