/** A tiny spec's types, as openapi-typescript would generate them, for the runtime's tests. */
type Json<T> = { headers: Record<string, unknown>; content: { "application/json": T } };
type Op<Path, Body = never> = {
  parameters: { query?: never; header?: never; path: Path; cookie?: never };
  requestBody?: [Body] extends [never] ? never : { content: { "application/json": Body } };
  responses: {
    200: Json<{ id?: string; items?: unknown[] }>;
    404: Json<{ message: string; code?: string }>;
    500: Json<{ message: string }>;
  };
};

export interface paths {
  "/things/{id}": {
    parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
    get: Op<{ id: string }>;
    post: Op<{ id: string }, { name: string }>;
    patch: Op<{ id: string }, { name: string }>;
  };
}
