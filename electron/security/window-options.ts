/**
 * The complete options of every Cairn window, so that no window can be created with a
 * weaker web page than the checklist demands (a test checks that each
 * BrowserWindow constructed in electron/ is given these).
 */
import { secureWebPreferences, type WindowSecurityOptions } from "../window-security.ts";

export interface WindowOptions extends WindowSecurityOptions {
  readonly title: string;
}

export function secureWindowOptions(options: WindowOptions) {
  return {
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    // Shown on ready-to-show, so the user never sees a blank window.
    show: false,
    title: options.title,
    webPreferences: secureWebPreferences({
      preload: options.preload,
      devTools: options.devTools,
    }),
  } as const;
}
