import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ spec: fileURLToPath(new URL("./fixtures/widgets.yaml", import.meta.url)), stateful: true });
});
afterAll(() => mock?.stop());

const create = (body: unknown) =>
  fetch(`${mock.url}/widgets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

it("stores what a create sends, numbers it, and serves it back; an unknown id is a 404", async () => {
  const first = await create({ name: "gear", code: "W-1" });
  expect(first.status).toBe(201);
  expect(await first.json()).toEqual({ name: "gear", code: "W-1", id: 1 });
  expect(await (await fetch(`${mock.url}/widgets/1`)).json()).toEqual({ name: "gear", code: "W-1", id: 1 });
  expect((await fetch(`${mock.url}/widgets/2`)).status).toBe(404);
});

it("answers 500, naming what does not fit, rather than send an answer the spec does not allow", async () => {
  const answer = await create({ name: "sprocket" });
  expect(answer.status).toBe(500);
  expect((await answer.json()).message).toMatch(/built a 201 answer the spec does not allow: .*code/);
});

it("refuses, through Prism, a request the spec does not allow, before it reaches the store", async () => {
  const answer = await create({ title: "no name" });
  expect(answer.status).toBe(422);
  mock.reset();
  expect((await fetch(`${mock.url}/widgets/1`)).status).toBe(404);
});
