import type { IncomingMessage } from "node:http";
import { pipeline, Transform, type Readable, type TransformCallback } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";

// As undici does: a body cut short still yields what arrived, and the stream then errors.
const LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_LENIENT = { flush: constants.BROTLI_OPERATION_FLUSH, finishFlush: constants.BROTLI_OPERATION_FLUSH };

/**
 * The node stream as a web ReadableStream: read as the consumer pulls (the socket pauses
 * meanwhile), errored by the signal's abort with its reason, and the socket let go on cancel.
 */
export function bodyStream(source: Readable, incoming: IncomingMessage, signal: AbortSignal | null | undefined, onAbortRequest: () => void): ReadableStream<Uint8Array> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let settled = false;
  const settle = () => {
    settled = true;
    signal?.removeEventListener("abort", onAbortRequest);
    signal?.removeEventListener("abort", onAbort);
  };
  const onAbort = () => {
    if (settled) return;
    settle();
    controller.error(signal!.reason);
    incoming.destroy();
  };
  signal?.removeEventListener("abort", onAbortRequest);
  signal?.addEventListener("abort", onAbort, { once: true });
  return new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      source.on("data", (chunk: Buffer) => {
        // A chunk already read from the socket can still arrive after a cancel or an abort.
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.on("end", () => {
        if (settled) return;
        settle();
        controller.close();
      });
      source.on("error", (error) => {
        if (settled) return;
        settle();
        controller.error(new TypeError("terminated", { cause: error }));
      });
      source.pause();
    },
    pull() {
      source.resume();
    },
    cancel() {
      settle();
      source.destroy();
      incoming.destroy();
    },
  });
}

/** The body with its content codings undone, as fetch does; an unknown coding leaves it as sent. */
export function decoded(incoming: IncomingMessage): Readable {
  const codings = (incoming.headers["content-encoding"] ?? "").toLowerCase().split(",").map((coding) => coding.trim()).filter(Boolean);
  if (codings.length === 0 || codings.some((coding) => !KNOWN_CODINGS.has(coding))) return incoming;
  // Undone last-applied first. Each pipeline destroys both its stages when one fails, so an
  // error reaches the last decoder, which the body stream reads.
  let stream: Readable = incoming;
  for (const coding of codings.reverse()) stream = pipeline(stream, decoderFor(coding), () => {});
  return stream;
}

const KNOWN_CODINGS = new Set(["gzip", "x-gzip", "deflate", "br"]);

function decoderFor(coding: string): Transform {
  if (coding === "br") return createBrotliDecompress(BROTLI_LENIENT);
  if (coding === "deflate") return new InflateEither();
  return createGunzip(LENIENT);
}

/**
 * "deflate" is meant to be zlib-wrapped, but some servers send it raw; like undici, tell them
 * apart by the first byte (a zlib header's low nibble is 8, deflate's method).
 */
class InflateEither extends Transform {
  #inflate: Transform | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.#inflate) {
      if (chunk.length === 0) return done();
      this.#inflate = (chunk[0]! & 0x0f) === 0x08 ? createInflate(LENIENT) : createInflateRaw(LENIENT);
      this.#inflate.on("data", (data: Buffer) => this.push(data));
      this.#inflate.on("error", (error) => this.destroy(error));
    }
    this.#inflate.write(chunk, done);
  }

  // Ends the readable side only once the inflater has given all it holds.
  override _flush(done: TransformCallback): void {
    if (!this.#inflate) return done();
    this.#inflate.once("end", () => done());
    this.#inflate.end();
  }
}
