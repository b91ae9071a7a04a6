// What lets n8n's Zoom node, whose base URL is fixed (https://api.zoom.us/v2),
// reach the Zoom emulator without touching /etc/hosts: n8n is told to use an
// HTTP proxy (HTTPS_PROXY) that tunnels only api.zoom.us:443, to a TLS server
// holding an api.zoom.us certificate from a throw-away CA that n8n trusts
// (NODE_EXTRA_CA_CERTS). That server forwards to the emulator and notes which
// bearer token each call carried. Also: a recorder in front of n8n's public
// API, keeping every body the app sent (to prove no refresh token went out).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import path from "node:path";

export type Certs = { caFile: string; key: string; cert: string };

/** A CA and an api.zoom.us certificate signed by it (openssl), in `dir`. */
export function makeCerts(dir: string): Certs {
  const file = (name: string) => path.join(dir, name);
  const run = (args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  run([
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-days",
    "2",
    "-subj",
    "/CN=zcw check:n8n CA",
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  ]);
  run([
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=api.zoom.us",
    "-keyout",
    file("zoom.key"),
    "-out",
    file("zoom.csr"),
  ]);
  writeFileSync(file("zoom.ext"), "subjectAltName=DNS:api.zoom.us\nextendedKeyUsage=serverAuth\n");
  run([
    "x509",
    "-req",
    "-in",
    file("zoom.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    file("zoom.ext"),
    "-out",
    file("zoom.pem"),
  ]);
  return {
    caFile: file("ca.pem"),
    key: readFileSync(file("zoom.key"), "utf8"),
    cert: readFileSync(file("zoom.pem"), "utf8"),
  };
}

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

/** Forwards one request to `target` (http), body and all, and returns the answer unchanged. */
function forward(target: string, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) {
  const url = new URL(req.url ?? "/", target);
  const headers = { ...req.headers, host: url.host };
  const upstream = http.request(url, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => {
    res.writeHead(502);
    res.end();
  });
  upstream.end(body);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

export type ZoomFront = {
  proxyUrl: string;
  /** Every call n8n made to "api.zoom.us": method, path and the bearer token it carried. */
  calls: { method: string; path: string; bearer: string | null; status: number }[];
  tunnels: string[];
  close: () => void;
};

export async function startZoomFront(certs: Certs, emulatorUrl: string): Promise<ZoomFront> {
  const calls: ZoomFront["calls"] = [];
  const tunnels: string[] = [];
  const tls = https.createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
    void readBody(req).then((body) => {
      const bearer = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? "")?.[1] ?? null;
      res.on("finish", () =>
        calls.push({ method: req.method ?? "", path: req.url ?? "", bearer, status: res.statusCode }),
      );
      forward(emulatorUrl, req, res, body);
    });
  });
  const tlsPort = await listen(tls);
  const proxy = http.createServer((_req, res) => {
    res.writeHead(403);
    res.end("only CONNECT api.zoom.us:443");
  });
  proxy.on("connect", (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? "");
    if (req.url !== "api.zoom.us:443") {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const upstream = net.connect(tlsPort, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  const proxyPort = await listen(proxy);
  return {
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    calls,
    tunnels,
    close: () => {
      tls.closeAllConnections();
      proxy.closeAllConnections();
      tls.close();
      proxy.close();
    },
  };
}

export type Recorder = {
  url: string;
  bodies: { method: string; path: string; body: string }[];
  close: () => void;
};

/** n8n's API as the app sees it, with every request body kept. */
export async function startRecorder(n8nUrl: string): Promise<Recorder> {
  const bodies: Recorder["bodies"] = [];
  const server = http.createServer((req, res) => {
    void readBody(req).then((body) => {
      bodies.push({ method: req.method ?? "", path: req.url ?? "", body: body.toString("utf8") });
      forward(n8nUrl, req, res, body);
    });
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
