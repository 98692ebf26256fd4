import { describe, expect, it } from "vitest";
import { items, pages } from "../src/index.js";

/** Three pages of two numbers, numbered from 1, as an API would page them; it counts fetches. */
function pagedApi(lastPage = 3) {
  const fetched: number[] = [];
  return {
    fetched,
    options: {
      first: 1,
      fetchPage: async (page: number) => {
        fetched.push(page);
        return { page, values: [page * 10, page * 10 + 1], pagesTotal: lastPage };
      },
      nextCursor: (current: { page: number; pagesTotal: number }) =>
        current.page < current.pagesTotal ? current.page + 1 : undefined,
    },
  };
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const value of source) all.push(value);
  return all;
}

describe("pages and items", () => {
  it("walks every page in order, then every item", async () => {
    const api = pagedApi();
    expect(await collect(items(pages(api.options), (page) => page.values))).toEqual([10, 11, 20, 21, 30, 31]);
    expect(api.fetched).toEqual([1, 2, 3]);
  });

  it("fetches a page only when the loop asks for it", async () => {
    const api = pagedApi();
    for await (const value of items(pages(api.options), (page) => page.values)) if (value === 11) break;
    expect(api.fetched).toEqual([1]);
  });

  it("stops when there is no page (an empty list)", async () => {
    expect(await collect(pages({ first: 1, fetchPage: async () => undefined, nextCursor: () => 2 }))).toEqual([]);
  });

  it("throws a failed page's error after the pages before it", async () => {
    const seen: number[] = [];
    const failing = pages({
      first: 1,
      fetchPage: async (page: number) => {
        if (page === 2) throw new Error("429 on page 2");
        return page;
      },
      nextCursor: (page: number) => page + 1,
    });
    await expect(
      (async () => {
        for await (const page of failing) seen.push(page);
      })(),
    ).rejects.toThrow("429 on page 2");
    expect(seen).toEqual([1]);
  });

  it("refuses to page forever when a cursor comes back", async () => {
    await expect(
      collect(pages({ first: "a", fetchPage: async (cursor: string) => cursor, nextCursor: () => "a" })),
    ).rejects.toThrow('the cursor "a" came back a second time');
  });
});
