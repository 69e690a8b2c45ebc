/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * A port on 127.0.0.1 that refuses connections and that no other test can take meanwhile, and a
 * count of the HTTP requests this process starts towards a port (refused ones never reach a
 * server, so no server can count them).
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface RefusingPort {
	port: number;
	url: string;
	/** Frees the port. */
	release(): Promise<void>;
}

/**
 * Holds a port with a connected client socket bound to it: nothing listens there, so a connect
 * is refused, and while the socket exists the kernel hands the port to no `listen(0)` or
 * outgoing connection (closing a listener and hoping the port stays free does not hold it).
 * A server may still listen on it explicitly (SO_REUSEADDR), see `listenOn`.
 */
export async function reserveRefusingPort(): Promise<RefusingPort> {
	const holder: Server = createServer((socket) => socket.on('error', () => undefined));
	await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
	const socket: Socket = connect({
		host: '127.0.0.1',
		port: (holder.address() as { port: number }).port,
		localAddress: '127.0.0.1',
	});
	socket.on('error', () => undefined);
	await new Promise<void>((resolve) => socket.once('connect', resolve));
	const port = socket.localPort!;
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		async release() {
			socket.destroy();
			await new Promise<void>((resolve) => holder.close(() => resolve()));
		},
	};
}

export interface RequestCounter {
	/** Requests started so far, in order, as "METHOD path". */
	readonly started: string[];
	stop(): void;
}

/** Counts the HTTP requests this process starts to 127.0.0.1:`port` (n8n's helpers use node:http). */
export function countRequestsTo(port: number): RequestCounter {
	const started: string[] = [];
	const onStart = (message: unknown) => {
		const { request } = message as { request: ClientRequest };
		if (request.getHeader('host') === `127.0.0.1:${port}`) {
			started.push(`${request.method} ${request.path}`);
		}
	};
	subscribe('http.client.request.start', onStart);
	return { started, stop: () => unsubscribe('http.client.request.start', onStart) };
}
