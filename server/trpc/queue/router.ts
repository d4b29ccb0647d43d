import { router } from "../init";
import { departments } from "./departments";
import { slaSummary } from "./sla-summary";

export const queueRouter = router({ departments, slaSummary });
