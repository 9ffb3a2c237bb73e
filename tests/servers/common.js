// Shared plumbing of the test servers: the port, request logging, the READY line, and shutdown.
import http from 'node:http';

// The port comes from the first argument or PORT; 0 (the default) lets the system choose one.
export function portFromArgs() {
  const raw = process.argv[2] ?? process.env.PORT ?? '0';
  const port = Number.parseInt(raw, 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${raw}`);
    process.exit(2);
  }
  return port;
}

// Starts an HTTP server on 127.0.0.1. `createHandler(origin)` runs once the port is known (the issuer of
// oidc-provider contains it) and returns the request handler. Prints `READY http://127.0.0.1:PORT` last.
export async function serve(name, port, createHandler) {
  let handler = (req, res) => {
    res.statusCode = 503;
    res.end();
  };

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // Path only: the query of an authorization request carries nothing secret, but a token never goes there.
      console.log(`${name}: ${req.method} ${req.url.split('?')[0]} -> ${res.statusCode} (${ms.toFixed(1)} ms)`);
    });
    Promise.resolve(handler(req, res)).catch((err) => {
      console.log(`${name}: unhandled ${err?.stack ?? err}`);
      if (!res.headersSent) {
        res.statusCode = 500;
      }
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;

  server.on('error', (err) => {
    // EADDRINUSE and the like: say so on stderr and exit, so the test fixture can retry with another port.
    console.error(`${name}: ${err.code ?? ''} ${err.message}`);
    process.exit(3);
  });

  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  handler = await createHandler(origin);

  const stop = (why) => {
    console.log(`${name}: stopping (${why})`);
    server.closeAllConnections?.();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Started by a test fixture: exit when the parent goes away (its end of stdin closes), even if it crashed.
  if (process.env.EXIT_ON_STDIN_CLOSE === '1') {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }

  console.log(`READY ${origin}`);
  return { server, origin };
}

// Reads a request body (form posts of a test server are small).
export async function readBody(req, limit = 64 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) {
      throw new Error('request body too large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
