// Loopback ports: one that nothing listens on, and waiting until something does.
import { createConnection, createServer } from "node:net";

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			const port = typeof address === "object" && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

/** Resolves once something accepts connections on the port. */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>(done => {
			const socket = createConnection({ host: "127.0.0.1", port });
			socket.once("connect", () => {
				socket.destroy();
				done(true);
			});
			socket.once("error", () => done(false));
		});
		if (open) return;
		if (Date.now() > deadline)
			throw new Error(`Nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
		await new Promise(r => setTimeout(r, 50));
	}
}
