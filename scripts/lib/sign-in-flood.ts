// The sign-in flood of bench:sign-in-flood, run as a process of its own so it
// never competes with the bench script's event loop:
//   node --import tsx scripts/lib/sign-in-flood.ts '<json options>'
// PARALLEL loops each sign in again and again with a random email and
// password until SECONDS have passed, each from the local address given
// (a 127.x.y.z address is a different socket address to the app on Linux),
// and print one JSON line: attempts per outcome, attempts/s, median answer time.
import http from "node:http";
import { randomBytes } from "node:crypto";

type Options = { appUrl: string; parallel: number; seconds: number; localAddresses: string[] };
const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const target = new URL(options.appUrl);

type Answer = { status: number; body: string; cookies: string[] };
function send(
  agent: http.Agent,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, method, path, headers, agent },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: text, cookies: res.headers["set-cookie"] ?? [] }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const outcomes: Record<string, number> = {};
const times: number[] = [];
const deadline = performance.now() + options.seconds * 1000;

async function loop(localAddress: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress });
  // next-auth's CSRF check: the token from /csrf with the cookie it sets.
  const csrf = await send(agent, "GET", "/api/auth/csrf", {});
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
  while (performance.now() < deadline) {
    const form = new URLSearchParams({
      csrfToken,
      email: `${randomBytes(6).toString("hex")}@flood.example`,
      password: randomBytes(9).toString("hex"),
      json: "true",
    }).toString();
    const started = performance.now();
    const answer = await send(
      agent,
      "POST",
      "/api/auth/callback/credentials",
      { cookie, "content-type": "application/x-www-form-urlencoded" },
      form,
    ).catch(() => ({ status: 0, body: "", cookies: [] }));
    times.push(performance.now() - started);
    let outcome = `HTTP ${answer.status}`;
    try {
      const url = (JSON.parse(answer.body) as { url?: string }).url ?? "";
      outcome = new URL(url, target).searchParams.get("error") ?? "signed in";
    } catch {
      // Not next-auth's JSON answer: the status says what it was.
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  agent.destroy();
}

const started = performance.now();
await Promise.all(
  Array.from({ length: options.parallel }, (_, i) =>
    loop(options.localAddresses[i % options.localAddresses.length]!),
  ),
);
const sorted = [...times].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    outcomes,
    attemptsPerSecond: times.length / ((performance.now() - started) / 1000),
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
  }),
);
