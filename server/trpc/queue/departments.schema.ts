// What queue.departments answers: the departments whose queue this agent works.
import { z } from "zod";
import { departmentWithCategories } from "../outputs";

export const queueDepartmentsOutput = z.array(departmentWithCategories);
