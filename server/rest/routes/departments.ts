// GET /tickets/api/departments/ (seed 003): [{id, name, slug}], the departments a ticket may be opened in.
import { z } from "zod";
import type { RestRoute } from "../route";
import { departmentShape } from "../shapes";

export const departmentRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/tickets/api/departments/",
    operationId: "listDepartments",
    summary: "List departments",
    tag: "Departments",
    success: { status: 200, description: "The departments", schema: z.array(departmentShape) },
    errors: [],
    async handle(call) {
      const { departments } = await call.api.tickets.formOptions();
      return { status: 200, body: departments.map((d) => ({ id: d.id, name: d.name, slug: d.slug })) };
    },
  },
];
