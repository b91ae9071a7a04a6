// The benchmark's load generator, run as a process of its own (wrk cannot be
// installed here) so it never competes with the bench script's own work:
//   node --import tsx scripts/lib/load-generator.ts '<json options>'
// It keeps CONNECTIONS requests in flight over keep-alive sockets for the
// given seconds and prints one JSON line: req/s, p50, p99, non-200 count.
import http from "node:http";

type Options = { url: string; headers: Record<string, string>; connections: number; seconds: number };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const target = new URL(options.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });

function request(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        headers: options.headers,
        agent,
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
  });
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

// Warm-up: JIT, sockets, the server's caches.
await Promise.all(
  Array.from({ length: options.connections }, async () => {
    for (let i = 0; i < 20; i++) await request();
  }),
);
const latencies: number[] = [];
let failures = 0;
const started = performance.now();
const deadline = started + options.seconds * 1000;
await Promise.all(
  Array.from({ length: options.connections }, async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      const status = await request();
      latencies.push(performance.now() - t);
      if (status !== 200) failures++;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const sorted = Float64Array.from(latencies).sort();
agent.destroy();
console.log(
  JSON.stringify({
    rps: latencies.length / elapsed,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    failures,
  }),
);
