import { fileURLToPath } from "node:url";
import { specConformance, testConformance, withoutHeader } from "@org/prism-mock/conformance";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import {
  ApiError,
  apiErrorOf,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  createCyberSourceClient,
  isPreconditionFailed,
  patchCustomer,
  PreconditionFailedError,
  responseMetaOf,
  unwrap,
  type CyberSourceClient,
  type operations,
} from "../src/index.js";
import { consume } from "./consumer.js";

const baseUrl = inject("mockUrl");
const credentials = {
  merchantId: "testrest",
  keyId: "08c94330-f618-42a3-b09d-e1e43be5efda",
  sharedSecret: "yBJxy6LjM2TmcPGu+GaJrHtkke25fPpUX+UY6/L/1tE=",
};
const cybersource = createCyberSourceClient({ ...credentials, baseUrl });
const customerId = "D9F340DD3DB9C276E053A2598D0A41A3";
const path = { params: { path: { customerId } } };
const prefer = (code: number) => ({ headers: { Prefer: `code=${code}` }, maxRetries: 0 });

describe("CyberSource customers against the Prism mock of its spec", () => {
  it("creates a customer: 201 with its Location, ETag and correlation id", async () => {
    const result = await cybersource.POST("/tms/v2/customers", {
      body: {
        buyerInformation: { merchantCustomerID: "cust-42", email: "test@cybs.com" },
        clientReferenceInformation: { code: "TC50171_3" },
      },
    });
    expect(result.response.status).toBe(201);
    expect(result.data?.id).toBe(customerId);
    expect(result.response.headers.get("content-type")).toMatch(/^application\/json;\s*charset=utf-8/);
    expect(responseMetaOf(result)).toEqual({
      etag: "1A2B3C4D5E6F",
      correlationId: "5a2b6e13-1c8b-4f5e-9d2b-4d47e6b4f1a0",
      uniqueTransactionId: "6790218254776108604506",
      location: "/tms/v2/customers/D9F340DD3DB9C276E053A2598D0A41A3",
    });
  });

  it("retrieves a customer with its embedded default instrument and address, and its ETag", async () => {
    const result = await cybersource.GET("/tms/v2/customers/{customerId}", path);
    const customer = unwrap(result);
    expect(customer.buyerInformation?.merchantCustomerID).toBe("Your customer identifier");
    expect(customer._embedded?.defaultShippingAddress?.shipTo?.country).toBe("US");
    expect(customer._embedded?.defaultPaymentInstrument?.card?.type).toBe("001");
    expect(responseMetaOf(result).etag).toBe("1A2B3C4D5E6F");
  });

  it("patches a customer with the ETag it read as if-match", async () => {
    const { etag } = responseMetaOf(await cybersource.GET("/tms/v2/customers/{customerId}", path));
    const result = await cybersource.PATCH("/tms/v2/customers/{customerId}", {
      params: { path: { customerId }, header: etag === undefined ? {} : { "if-match": etag } },
      body: { buyerInformation: { email: "new.address@cybs.com" } },
    });
    expect(result.response.status).toBe(200);
    expect(isPreconditionFailed(result)).toBe(false);
    expect(responseMetaOf(result).etag).toBe("1A2B3C4D5E6F");
  });

  it("patches through patchCustomer with ifMatch, and reads the new ETag", async () => {
    const { etag } = responseMetaOf(await cybersource.GET("/tms/v2/customers/{customerId}", path));
    const result = await patchCustomer(
      cybersource,
      customerId,
      { objectInformation: { title: "VIP" } },
      { ifMatch: etag },
    );
    expect(unwrap(result).id).toBe(customerId);
    expect(responseMetaOf(result).etag).toBe("1A2B3C4D5E6F");
  });

  it("reports a stale if-match as a 412 PreconditionFailedError", async () => {
    const result = await cybersource.PATCH("/tms/v2/customers/{customerId}", {
      params: { path: { customerId }, header: { "if-match": "0000STALE" } },
      body: { buyerInformation: { email: "late@cybs.com" } },
      ...prefer(412),
    });
    expect(isPreconditionFailed(result)).toBe(true);
    expect(result.error).toMatchObject({ errors: [{ type: "conflict" }] });
    expect(() => unwrap(result)).toThrowError(PreconditionFailedError);
    // The name is typed as what it is, so a check by name compiles and holds.
    const thrown = (() => {
      try {
        unwrap(result);
      } catch (error) {
        return error as PreconditionFailedError;
      }
    })();
    expect(thrown?.name === "PreconditionFailedError").toBe(true);
    expect(responseMetaOf(result).correlationId).toBe("5a2b6e13-1c8b-4f5e-9d2b-4d47e6b4f1a0");
  });

  it("deletes a customer: 204 without a body, correlation id still there", async () => {
    const result = await cybersource.DELETE("/tms/v2/customers/{customerId}", path);
    expect(result.response.status).toBe(204);
    expect(result.data).toBeUndefined();
    expect(result.error).toBeUndefined();
    expect(responseMetaOf(result).correlationId).toBe("5a2b6e13-1c8b-4f5e-9d2b-4d47e6b4f1a0");
  });

  it("sends the optional profile-id header", async () => {
    const result = await cybersource.GET("/tms/v2/customers/{customerId}", {
      params: { path: { customerId }, header: { "profile-id": "93B32398-AD51-4CC2-A682-EA3E93614EB1" } },
    });
    expect(result.response.status).toBe(200);
  });

  it("is refused (401) without the signature headers", async () => {
    const unsigned = createCyberSourceClient({ ...credentials, baseUrl, fetch: withoutHeader("signature") });
    const result = await unsigned.GET("/tms/v2/customers/{customerId}", path);
    expect(result.response.status).toBe(401);
  });

  // Every error status the spec documents for each operation, asked of the mock with Prefer.
  const documented: [string, number[]][] = [
    ["postCustomer", [400, 403, 409, 424, 500]],
    ["getCustomer", [400, 403, 404, 410, 424, 500]],
    ["patchCustomer", [400, 403, 404, 410, 412, 424, 500]],
    ["deleteCustomer", [400, 403, 404, 409, 410, 424, 500]],
  ];
  const call = (operation: string, code: number) => {
    switch (operation) {
      case "postCustomer":
        return cybersource.POST("/tms/v2/customers", {
          body: { buyerInformation: { email: "x@cybs.com" } },
          ...prefer(code),
        });
      case "getCustomer":
        return cybersource.GET("/tms/v2/customers/{customerId}", { ...path, ...prefer(code) });
      case "patchCustomer":
        return cybersource.PATCH("/tms/v2/customers/{customerId}", {
          ...path,
          body: { objectInformation: { title: "t" } },
          ...prefer(code),
        });
      default:
        return cybersource.DELETE("/tms/v2/customers/{customerId}", { ...path, ...prefer(code) });
    }
  };
  describe.each(documented.flatMap(([operation, codes]) => codes.map((code) => [operation, code] as const)))(
    "%s answering %i",
    (operation, code) => {
      it("comes back as a typed error with its type, message and correlation id", async () => {
        const result = await call(operation, code);
        expect(result.response.status).toBe(code);
        const body = result.error as { errors: { type: string; message: string }[] };
        expect(body.errors[0]).toEqual({ type: expect.any(String), message: expect.any(String) });
        let thrown: unknown;
        try {
          unwrap(result);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(code === 412 ? PreconditionFailedError : ApiError);
        expect(thrown).toMatchObject({
          status: code,
          code: body.errors[0]!.type,
          requestId: "5a2b6e13-1c8b-4f5e-9d2b-4d47e6b4f1a0",
        });
      });
    },
  );
});

// Through the operation methods: every method, with Prism checking the request it makes.
describe("every answer the spec documents arrives as the types promise", () => {
  const conformance = specConformance<CyberSourceClient, keyof operations>(
    fileURLToPath(new URL("../openapi.yaml", import.meta.url)),
    {
      baseUrl,
      client: (url) => createCyberSourceClient({ ...credentials, baseUrl: url, maxRetries: 0 }),
      calls: {
        postCustomer: (client, headers) =>
          client.postCustomer({ body: { buyerInformation: { email: "test@cybs.com" } } }, { headers }),
        getCustomer: (client, headers) => client.getCustomer({ customerId }, { headers }),
        patchCustomer: (client, headers) =>
          client.patchCustomer(
            { customerId, "if-match": "1A2B3C4D5E6F", body: { objectInformation: { title: "VIP" } } },
            { headers },
          ),
        deleteCustomer: (client, headers) => client.deleteCustomer({ customerId }, { headers }),
      },
    },
  );

  testConformance(conformance, { it, expect });
});

describe("the SDK features against the mock", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the key from the CYBERSOURCE_* variables (the mock checks the signature headers)", async () => {
    vi.stubEnv("CYBERSOURCE_MERCHANT_ID", credentials.merchantId);
    vi.stubEnv("CYBERSOURCE_KEY_ID", credentials.keyId);
    vi.stubEnv("CYBERSOURCE_SHARED_SECRET", credentials.sharedSecret);
    const { data } = await createCyberSourceClient({ baseUrl }).getCustomer({ customerId });
    expect(data?.id).toBe(customerId);
  });

  it.each([
    [400, BadRequestError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [412, PreconditionFailedError],
    [500, InternalServerError],
  ] as const)("throws a %i as its class", async (status, ErrorClass) => {
    const result = await cybersource.patchCustomer(
      { customerId, body: { objectInformation: { title: "VIP" } } },
      prefer(status),
    );
    expect(() => unwrap(result)).toThrowError(ErrorClass);
    expect(apiErrorOf(result).status).toBe(status);
  });

  it("throws a 409 (a customer id already taken, on create) as a ConflictError", async () => {
    const result = await cybersource.postCustomer(
      { body: { buyerInformation: { email: "test@cybs.com" } } },
      prefer(409),
    );
    expect(() => unwrap(result)).toThrowError(ConflictError);
  });
});

it("runs the consumer example, which the release test runs against the published package", () => consume(baseUrl));
