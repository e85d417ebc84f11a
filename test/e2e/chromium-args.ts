/**
 * How Duban starts Debian's Chromium, in the end-to-end tests and the web bench: headless, and no
 * background traffic (component updates, sync, safe browsing) — the machine's closed network
 * refuses it, and it would add requests and CPU to what is measured.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
