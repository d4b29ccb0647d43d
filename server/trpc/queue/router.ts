import { router } from "../init";
import { departments } from "./departments";

export const queueRouter = router({ departments });
