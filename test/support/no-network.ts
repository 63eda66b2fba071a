import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import net from 'node:net';

/**
 * Loaded with `--import` into a command under test (and its worker threads): every connection to a host other
 * than this machine, and every look-up of another host's name, is refused and written to `NO_NETWORK_LOG`, so that
 * a test can fail on an attempt that the command itself would have swallowed (as Astro's update check does).
 */
const log = process.env.NO_NETWORK_LOG!;
/** This machine: loopback and unspecified addresses, however written (`::`, `0000:…:0000`). */
const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|::ffff:127\.\d+\.\d+\.\d+|0\.0\.0\.0|[0:]*:0*1|[0:]+)$/;

function refuse(what: string): Error {
	appendFileSync(log, `${what}\n`);
	return Object.assign(new Error(`refused by the test: ${what}`), { code: 'ECONNREFUSED' });
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
	const [first] = args;
	const options = (typeof first === 'object' && first !== null ? first : { port: first, host: args[1] }) as {
		host?: string;
		path?: string;
	};
	if (!options.path && options.host !== undefined && !LOCAL.test(String(options.host))) {
		const error = refuse(`connect ${String(options.host)}`);
		process.nextTick(() => this.destroy(error));
		return this;
	}
	return connect.apply(this, args as never);
} as typeof connect;

const lookup = dns.lookup;
dns.lookup = function (hostname: string, ...rest: unknown[]) {
	if (!LOCAL.test(hostname)) {
		const callback = rest.at(-1) as (error: Error) => void;
		const error = refuse(`lookup ${hostname}`);
		process.nextTick(() => callback(error));
		return {} as never;
	}
	return (lookup as (...args: unknown[]) => unknown).call(dns, hostname, ...rest);
} as typeof dns.lookup;
