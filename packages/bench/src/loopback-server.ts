import { spawn } from "node:child_process";
import { once } from "node:events";

/** The one customer the loopback server answers every contender with. */
export const CUSTOMER_ID = "x4xCwxxJxGCx123Rx5xTx";
const CUSTOMER = JSON.stringify({
  id: CUSTOMER_ID,
  name: "Example Media Ltd",
  force_2fa: true,
  billing_network_type: "public",
  created_at: null,
  updated_at: null,
  deleted_at: null,
});

/**
 * The loopback server, in a process of its own so that its work and its garbage collection are
 * not counted in the clients' time or CPU. It prints its port, then answers every request alike.
 */
const SERVER = `
const { createServer } = require("node:http");
const body = ${JSON.stringify(CUSTOMER)};
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.stdin.on("end", () => process.exit(0)).resume();
`;

/** The loopback server (see SERVER), started in a process of its own; `stop` ends it. */
export async function startLoopbackServer(): Promise<{ baseUrl: string; stop: () => void }> {
  // stdin stays open as the server's lifeline: it exits when this process ends, however it ends.
  const server = spawn(process.execPath, ["-e", SERVER], { stdio: ["pipe", "pipe", "inherit"] });
  const [firstLine] = (await once(server.stdout!, "data")) as [Buffer];
  return {
    baseUrl: `http://127.0.0.1:${firstLine.toString().trim()}`,
    stop: () => {
      server.stdin!.end();
      server.kill();
    },
  };
}
