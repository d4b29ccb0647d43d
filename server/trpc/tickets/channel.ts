// Which channel a procedure call came through, for the ticket's and the message's `channel`: an
// API token is the REST API; anything else here is the web panel (mail has its own channel module).
import type { Channel } from "../../db/generated/enums";
import type { Principal } from "../../access/principal";

export const channelOf = (user: Principal): Channel => (user.source.kind === "api_token" ? "api" : "web");
