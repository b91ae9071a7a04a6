import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { isPublicAddress, webhookUrlProblem } from "./safe-target";
import { sendWebhook } from "./send-webhook";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
let server: Server;
let base = "";
const seen: { headers: Record<string, string>; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ headers: request.headers as Record<string, string>, body });
      if (request.url === "/redirect") {
        response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      } else if (request.url === "/long") {
        response.writeHead(500).end("x".repeat(10_000));
      } else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("signed webhook deliveries", () => {
  it("signs Standard Webhooks style, and a receiver verifies with the standardwebhooks package", async () => {
    const body = JSON.stringify({ type: "test", data: { a: 1 } });
    const result = await sendWebhook({
      url: `${base}/in`,
      secret,
      messageId: "msg_1",
      body,
      allowPrivate: true,
    });
    expect(result).toEqual({ ok: true, statusCode: 204, note: null });
    const got = seen.at(-1)!;
    expect(got.headers["webhook-id"]).toBe("msg_1");
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
    expect(new Webhook(secret).verify(got.body, got.headers)).toEqual({ type: "test", data: { a: 1 } });
    expect(() => new Webhook(secret).verify(got.body + " ", got.headers)).toThrow();
  });

  it("never follows a redirect and keeps only a short excerpt of an answer", async () => {
    const count = seen.length;
    const redirected = await sendWebhook({
      url: `${base}/redirect`,
      secret,
      messageId: "m",
      body: "{}",
      allowPrivate: true,
    });
    expect(redirected.ok).toBe(false);
    expect(redirected.statusCode).toBe(302);
    expect(redirected.note).toMatch(/redirect/);
    expect(seen.length).toBe(count + 1);
    const long = await sendWebhook({
      url: `${base}/long`,
      secret,
      messageId: "m",
      body: "{}",
      allowPrivate: true,
    });
    expect(long).toMatchObject({ ok: false, statusCode: 500 });
    expect(long.note!.length).toBeLessThanOrEqual(200);
  });

  it("refuses loopback at send time unless private targets are allowed (the resolved address decides)", async () => {
    const count = seen.length;
    const byName = await sendWebhook({
      url: base.replace("127.0.0.1", "localhost") + "/in",
      secret,
      messageId: "m",
      body: "{}",
      allowPrivate: false,
    });
    expect(byName).toMatchObject({ ok: false, statusCode: null });
    expect(byName.note).toMatch(/private or loopback/);
    const byAddress = await sendWebhook({
      url: `${base}/in`,
      secret,
      messageId: "m",
      body: "{}",
      allowPrivate: false,
    });
    expect(byAddress.ok).toBe(false);
    expect(seen.length).toBe(count);
  });
});

describe("where webhooks may go", () => {
  it.each([
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.0.9", false],
    ["192.168.1.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["::1", false],
    ["fe80::1", false],
    ["fd00::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:7f00:1", false],
    ["not-an-ip", false],
    ["8.8.8.8", true],
    ["2606:4700:4700::1111", true],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it("refuses plain http, credentials in the URL and literal private hosts, unless allowed", () => {
    expect(webhookUrlProblem("https://hooks.example.com/x", false)).toBeNull();
    expect(webhookUrlProblem("http://hooks.example.com/x", false)).toMatch(/https/);
    expect(webhookUrlProblem("https://user:pw@hooks.example.com/x", false)).toMatch(/password/);
    expect(webhookUrlProblem("https://localhost/x", false)).toMatch(/own network/);
    expect(webhookUrlProblem("https://[::1]/x", false)).toMatch(/own network/);
    expect(webhookUrlProblem("https://169.254.169.254/x", false)).toMatch(/own network/);
    expect(webhookUrlProblem("not a url", false)).toMatch(/full URL/);
    expect(webhookUrlProblem("http://127.0.0.1:9/x", true)).toBeNull();
  });
});
