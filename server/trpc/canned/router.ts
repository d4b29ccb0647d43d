import { router } from "../init";
import { create, list, remove, update } from "./manage";
import { forTicket, reply } from "./use";

export const cannedRouter = router({ list, create, update, remove, forTicket, reply });
