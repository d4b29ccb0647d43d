import { router } from "../init";
import { agents } from "./agents";
import { departments } from "./departments";
import { slaSummary } from "./sla-summary";

export const queueRouter = router({ agents, departments, slaSummary });
