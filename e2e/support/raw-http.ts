import http from "node:http";
import { E2E_APP_URL } from "./test-env";

/**
 * A request sent exactly as written, which neither a browser nor Playwright's
 * request API can do: the path is not normalised ("/a/../b" stays), and the
 * socket can start from another loopback address (on Linux all of 127/8 is
 * loopback), so the app sees a second client address.
 */
export type RawRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  localAddress?: string;
};
export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export function rawRequest({
  method,
  path,
  headers = {},
  body,
  localAddress,
}: RawRequest): Promise<RawAnswer> {
  const app = new URL(E2E_APP_URL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: app.hostname, port: app.port, method, path, headers, localAddress, agent: false },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A sign-in through next-auth's API from the given address, as the sign-in
 * form sends it. Returns next-auth's error code ("CredentialsSignin",
 * "RateLimited", "Busy"…), or null when it signed in.
 */
export async function signInFrom(
  localAddress: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string | null> {
  const csrf = await rawRequest({ method: "GET", path: "/api/auth/csrf", localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const answer = await rawRequest({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
    localAddress,
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url).searchParams.get("error");
}
