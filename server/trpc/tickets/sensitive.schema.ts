// What tickets.revealSensitive answers: the plaintext of one message's box, for a permitted agent
// (the reveal is recorded in the history).
import { z } from "zod";
import { ticketChangeOutput } from "../outputs";

export const revealSensitiveOutput = ticketChangeOutput.extend({ text: z.string() });
