/** Set by vite.config.ts: true when the portal is built or served for a Nong'an server. */
declare const __NONGAN_SERVER_MODE__: boolean;
