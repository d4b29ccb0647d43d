import { z } from "zod";
import { departmentIdField, idField, priorityField, ticketRefField } from "../../validation/fields";

export const assignInput = z.object({ ticket: ticketRefField, assigneeId: idField.nullable() });
export const transferInput = z.object({ ticket: ticketRefField, departmentId: departmentIdField });
export const setPriorityInput = z.object({ ticket: ticketRefField, priority: priorityField });
