import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { runServer } from "verdaccio";

export interface RunningRegistry {
  /** e.g. `http://127.0.0.1:43817/` */
  url: string;
  /** A token of a user that may publish under the scope. */
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts a private npm registry (Verdaccio, in this process) on a free loopback port, with its
 * own storage under `dir`: packages of `scope` are published and served here, nothing is
 * proxied. Returns a publish token for a fresh user.
 */
export async function startRegistry(dir: string, scope: string): Promise<RunningRegistry> {
  await mkdir(join(dir, "storage"), { recursive: true });
  const server: Server = await runServer({
    self_path: join(dir, "config.yaml"),
    storage: join(dir, "storage"),
    auth: { htpasswd: { file: join(dir, "htpasswd"), max_users: 10 } },
    uplinks: {},
    packages: { [`${scope}/*`]: { access: "$all", publish: "$authenticated", unpublish: "$authenticated" } },
    log: { type: "stdout", format: "pretty", level: "fatal" },
  } as never);
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const stop = () =>
    new Promise<void>((closed) => {
      server.closeAllConnections?.();
      server.close(() => closed());
    });
  try {
    const answer = await fetch(`${url}-/user/org.couchdb.user:release-test`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "release-test", password: "release-test-password" }),
    });
    const { token } = (await answer.json()) as { token?: string };
    if (!token) throw new Error(`the registry gave no token (HTTP ${answer.status})`);
    return { url, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
