import { z } from "zod";
import { personRef, ticketChangeOutput } from "../outputs";
import { departmentIdField, idField, priorityField, ticketRefField } from "../../validation/fields";

export const assignInput = z.object({ ticket: ticketRefField, assigneeId: idField.nullable() });
export const transferInput = z.object({ ticket: ticketRefField, departmentId: departmentIdField });
export const setPriorityInput = z.object({ ticket: ticketRefField, priority: priorityField });

/** take, assign, transfer, setPriority: the ticket changed (the page reloads it). */
export const staffActionOutput = ticketChangeOutput;
/** Who may be assigned the ticket. */
export const assigneesOutput = z.array(personRef);
