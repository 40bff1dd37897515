// How septet's browser tests and benchmarks start Chromium: Debian's build
// (apt-get install -y chromium; no browser download works on these machines), headless, with the
// network-chatty features off so it does not reach for hosts the closed network refuses.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
