/** The locales keyaccount ships texts for: English (the default) and Simplified Chinese. */
export type Locale = "en" | "zh-CN";
