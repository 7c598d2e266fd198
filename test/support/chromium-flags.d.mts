/** The Chromium executable (`CHROMIUM_PATH`, else Debian's). */
export declare const CHROMIUM: string;
/** The flags every suite launches it with. */
export declare const CHROMIUM_ARGS: string[];
