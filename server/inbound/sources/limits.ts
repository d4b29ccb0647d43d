// How big a mail a source may bring in: INBOUND_EMAIL_MAX_BYTES (default 40 MiB), the same limit the
// webhook applies. A source never downloads a mail bigger than that: it is left on the server,
// untouched, and named in the mailbox's last error for an admin to deal with.
import { getConfig } from "../../config/env";

const MIB = 1024 * 1024;

/** The most a source downloads of one mail. */
export const fetchCapBytes = () => getConfig().INBOUND_EMAIL_MAX_BYTES;

export const megabytes = (bytes: number) => `${(bytes / MIB).toFixed(1)} MB`;
