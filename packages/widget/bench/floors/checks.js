// The three sync checks a key settings page cannot do without, and nothing else of core: the
// whitelist entries, an address to test, a delivery report URL.
import { makeResult } from "@septet/core/Allowlist";
import { checkUrl } from "@septet/core/DeliveryReport";
import { parseAddressResult } from "@septet/core/Ip";
import { Effect } from "effect";

export const check = (entries, address, url) => ({
  allowlist: makeResult(entries),
  address: parseAddressResult(address),
  url: Effect.runSyncExit(checkUrl(url)),
});
