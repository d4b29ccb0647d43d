// tRPC over real HTTP, as the browser's link sends it (superjson, one procedure per request), on
// keep-alive connections.
import superjson from "superjson";
import { Agent, request } from "undici";

export class TrpcHttp {
  private readonly agent: Agent;
  constructor(
    private readonly base: string,
    private readonly cookie: string,
    connections = 16,
  ) {
    this.agent = new Agent({ connections, keepAliveTimeout: 60_000, pipelining: 1 });
  }

  async query<T = unknown>(path: string, input: unknown): Promise<T> {
    const url = `${this.base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return this.send<T>("GET", url);
  }

  async mutation<T = unknown>(path: string, input: unknown): Promise<T> {
    return this.send<T>("POST", `${this.base}/api/trpc/${path}`, JSON.stringify(superjson.serialize(input)));
  }

  /** Raw bytes of the answer, for payload sizes. */
  lastBytes = 0;

  private async send<T>(method: "GET" | "POST", url: string, body?: string): Promise<T> {
    const response = await request(url, {
      method,
      dispatcher: this.agent,
      headers: { cookie: this.cookie, origin: this.base, ...(body ? { "content-type": "application/json" } : {}) },
      body,
    });
    const text = await response.body.text();
    this.lastBytes = text.length;
    if (response.statusCode !== 200) throw new Error(`${method} ${url.slice(0, 120)} → ${response.statusCode}: ${text.slice(0, 300)}`);
    const json = JSON.parse(text) as { result: { data: { json: unknown; meta?: unknown } } };
    return superjson.deserialize(json.result.data as never) as T;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
