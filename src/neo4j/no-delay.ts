import net from 'node:net';
import tls from 'node:tls';

let installed = false;

/**
 * Turns Nagle's algorithm off on the sockets the process opens with `net.connect` and
 * `tls.connect`, as Bolt wants. neo4j-driver 5 for JavaScript leaves it on (its Python sibling
 * turned it off); a transaction's small COMMIT then waits for the server's delayed ACK of the
 * request before it, 40 ms on Linux, whenever an answer's size makes the two meet: a look-up
 * with its relations measured 48 ms instead of 3 ms on loopback. The driver offers no socket
 * option, so the two connect functions it calls are wrapped, once; every other client in the
 * process (fetch, undici) already asks for the same.
 */
export function disableNagle(): void {
  if (installed) return;
  installed = true;
  const plain = net.connect;
  net.connect = function (this: unknown, ...args: unknown[]) {
    return (plain as (...a: unknown[]) => net.Socket).apply(this, args).setNoDelay(true);
  } as typeof net.connect;
  const secure = tls.connect;
  tls.connect = function (this: unknown, ...args: unknown[]) {
    const socket = (secure as (...a: unknown[]) => tls.TLSSocket).apply(this, args);
    socket.setNoDelay(true);
    return socket;
  } as typeof tls.connect;
}
