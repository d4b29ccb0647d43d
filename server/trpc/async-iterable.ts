// Output validation for procedures that stream (an async generator read with httpBatchStreamLink):
// the value must be an async iterable, and every chunk it yields is parsed by `chunk` on its way out
// (so a chunk too is stripped of keys its schema does not list). After tRPC's subscription guide.
import { z } from "zod";

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return !!value && typeof value === "object" && Symbol.asyncIterator in value;
}

export function zAsyncIterable<TIn, TOut>(chunk: z.ZodType<TOut, TIn>) {
  return z
    .custom<AsyncIterable<TIn>>(isAsyncIterable, { error: "Output is not a stream" })
    .transform(async function* (iterable): AsyncGenerator<TOut, void, unknown> {
      for await (const value of iterable) yield await chunk.parseAsync(value);
    });
}
