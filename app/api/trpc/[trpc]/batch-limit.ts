// The most calls one HTTP request may carry (tRPC batching). The server refuses a larger batch
// whole (400) before running any call; the browser's links split theirs to fit. Every call of a
// batch still counts against the limits of its procedure, as a request of its own would.
export const MAX_BATCH_SIZE = 10;
