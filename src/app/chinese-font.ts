/**
 * The Chinese web font, for machines without a CJK font of their own (a bare kiosk would draw
 * empty boxes): Fontsource's Noto Sans SC, one variable-weight file per unicode-range slice, of
 * which the browser downloads only the slices the page's text uses. Its stylesheet is loaded the
 * first time Chinese is shown, never for English, so the English start-up stays within budget.
 */
let loading: Promise<void> | null = null;

export function loadChineseFont(): Promise<void> {
  loading ??= import('@fontsource-variable/noto-sans-sc').then(
    () => undefined,
    (error: unknown) => {
      // A failed chunk (a redeployed server) may load on the next try.
      loading = null;
      throw error;
    },
  );
  return loading;
}
