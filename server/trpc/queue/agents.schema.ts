// What queue.agents answers: the admins and the agents of the caller's departments.
import { z } from "zod";
import { personRef } from "../outputs";

export const queueAgentsOutput = z.array(personRef);
