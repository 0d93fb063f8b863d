/** Counts on the Upgrade screen are shown ungrouped ("1003 of 1003 selected"), as they always were. */
export const UNGROUPED: Intl.NumberFormatOptions = { useGrouping: false };
