/**
 * The response with its body limited to `maxBytes` decoded bytes: past the limit the body stops
 * with `tooLarge()`'s error and the rest is never read (nor inflated). A body whose unencoded
 * Content-Length is within the limit is handed on as it is, at no cost; one over it is refused
 * before a byte is read. A body handed out as a stream (`streamed`) is always piped: fetch cancels
 * the body of a Response that is collected unread, unless its stream is locked, and a caller
 * who keeps only the stream (`const { data } = …`) drops the Response.
 */
export function limitBody(response: Response, maxBytes: number, tooLarge: () => Error, streamed = false): Response {
  const body = response.body;
  if (!body || (maxBytes === Infinity && !streamed)) return response;
  const declared = response.headers.get("content-length");
  if (declared !== null && !response.headers.has("content-encoding") && !streamed) {
    if (Number(declared) <= maxBytes) return response;
    void body.cancel();
    throw tooLarge();
  }
  let seen = 0;
  const limited = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  const copy = new Response(limited, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // A Response built here has no URL; openapi-fetch's callers read `response.url`.
  Object.defineProperty(copy, "url", { value: response.url });
  return copy;
}
