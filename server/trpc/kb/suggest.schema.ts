// What kb.suggest answers: matching articles in the viewer's language, best first.
import { z } from "zod";
import { serialId } from "../outputs";

export const suggestOutput = z.array(z.object({ id: serialId, title: z.string(), excerpt: z.string() }));
