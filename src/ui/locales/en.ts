/** The 'common' namespace in English: words of the shared components in src/ui. */
export const en = {
  confirm: 'Confirm',
  cancel: 'Cancel',
  copy: 'Copy',
  copied: 'Copied',
  copyUnavailable: 'Copy is not available here: select the text and copy it by hand.',
} as const;
