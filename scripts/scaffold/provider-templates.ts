import type { ProviderNames } from "./provider-names.js";

/** Pinned versions a new package shares with the others, read from an existing package. */
export interface SharedVersions {
  openapiFetch: string;
  typesNode: string;
  typescript: string;
  vitest: string;
}

/** Every file of a new provider, by path from the repo root. */
export function providerFiles(
  names: ProviderNames,
  versions: SharedVersions,
  mockPort: number,
  scope: string,
  license: string,
): Record<string, string> {
  const dir = `packages/${names.slug}-customers`;
  return {
    [`specs/${names.slug}/customers.yaml`]: specTemplate(names, mockPort),
    [`${dir}/package.json`]: `${JSON.stringify(packageJson(names, versions, scope), null, 2)}\n`,
    [`${dir}/turbo.json`]: `${JSON.stringify(turboJson(names), null, 2)}\n`,
    [`${dir}/tsconfig.json`]: `${JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { types: ["node"], noEmit: true }, include: ["src", "test", "*.config.ts"] }, null, 2)}\n`,
    [`${dir}/tsconfig.build.json`]: `${JSON.stringify({ extends: "../../tsconfig.base.json", compilerOptions: { rootDir: "src", outDir: "dist", types: [] }, include: ["src"] }, null, 2)}\n`,
    [`${dir}/vitest.config.ts`]: vitestConfig(scope),
    [`${dir}/LICENSE`]: license,
    [`${dir}/README.md`]: readme(names),
    [`${dir}/src/index.ts`]: indexTemplate(names, scope),
    [`${dir}/test/global-setup.ts`]: globalSetup(names, scope),
    [`${dir}/test/contract.test.ts`]: contractTest(names, scope),
    [`${dir}/test/consumer.ts`]: consumerExample(names),
    [`.changeset/${names.slug}-customers-first-release.md`]: `---\n"${names.packageName}": minor\n---\n\nFirst release: a typed client for the ${names.pascal} customers API.\n`,
  };
}

function packageJson(names: ProviderNames, versions: SharedVersions, scope: string) {
  return {
    name: names.packageName,
    version: "0.0.0",
    description: `Typed client for the ${names.pascal} customers API, generated from an OpenAPI spec.`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" }, "./package.json": "./package.json" },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "README.md", "LICENSE", "openapi.yaml"],
    keywords: [names.slug, "customers", "openapi", "typescript", "client"],
    scripts: {
      generate: `tsx ../../scripts/generate.ts ../../specs/${names.slug}/customers.yaml`,
      build: "tsx ../../scripts/build-package.ts",
      typecheck: "tsc --noEmit",
      test: "vitest run",
      lint: "publint --strict && attw --pack . --profile esm-only && tsx ../../scripts/check-package-contents.ts",
    },
    dependencies: { [`${scope}/client-runtime`]: "workspace:^", "openapi-fetch": versions.openapiFetch },
    devDependencies: {
      [`${scope}/customers-mock`]: "workspace:*",
      [`${scope}/prism-mock`]: "workspace:*",
      "@types/node": versions.typesNode,
      typescript: versions.typescript,
      vitest: versions.vitest,
    },
    publishConfig: { access: "public" },
  };
}

function turboJson(names: ProviderNames) {
  return {
    $schema: "https://turborepo.com/schema.json",
    extends: ["//"],
    tasks: {
      generate: {
        inputs: [
          `$TURBO_ROOT$/specs/${names.slug}/**`,
          "$TURBO_ROOT$/scripts/generate.ts",
          "$TURBO_ROOT$/scripts/spec/**",
          "README.md",
          "package.json",
        ],
        outputs: ["src/generated/**", "README.md", "openapi.yaml"],
      },
      test: { inputs: ["$TURBO_DEFAULT$", `$TURBO_ROOT$/specs/${names.slug}/**`] },
    },
  };
}

function specTemplate(names: ProviderNames, mockPort: number): string {
  return `openapi: 3.1.0
info:
  title: ${names.pascal} customers API
  version: 0.1.0
  summary: The customers of ${names.pascal}.
  description: |
    TODO: written by hand from ${names.pascal}'s API documentation. Model every operation,
    parameter, header, content type, field, enum, read-only marker and auth scheme it documents.
  license:
    name: MIT
    identifier: MIT
x-mock-port: ${mockPort}
servers:
  - url: https://api.${names.slug}.example
    description: TODO the provider's API server
security:
  - bearerAuth: []
tags:
  - name: customers
    description: Customers.
paths:
  /customers:
    get:
      operationId: listCustomers
      summary: List customers
      tags: [customers]
      responses:
        "200":
          description: Every customer.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/CustomerList"
              examples:
                customers:
                  value:
                    customers:
                      - id: 1
                        name: Example Ltd
        "401":
          $ref: "#/components/responses/Unauthorized"
  /customers/{customer_id}:
    parameters:
      - name: customer_id
        in: path
        required: true
        description: The customer's id.
        schema:
          type: integer
        example: 1
    get:
      operationId: getCustomer
      summary: Get a customer
      tags: [customers]
      responses:
        "200":
          description: The customer.
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Customer"
              examples:
                customer:
                  value:
                    id: 1
                    name: Example Ltd
        "401":
          $ref: "#/components/responses/Unauthorized"
components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
      description: TODO how ${names.pascal} issues tokens.
  responses:
    Unauthorized:
      description: The token is missing or invalid.
      content:
        application/json:
          schema:
            $ref: "#/components/schemas/Error"
          examples:
            unauthorized:
              value:
                message: Unauthenticated.
  schemas:
    Customer:
      type: object
      description: Mark required what every answer carries, so users need no \`!\`.
      required: [id, name]
      properties:
        id:
          type: integer
          readOnly: true
        name:
          type: string
    CustomerList:
      type: object
      required: [customers]
      properties:
        customers:
          type: array
          items:
            $ref: "#/components/schemas/Customer"
    Error:
      type: object
      required: [message]
      properties:
        message:
          type: string
`;
}

function vitestConfig(scope: string): string {
  return `import { defineConfig } from "vitest/config";

// Timeouts guard against a hang, not a budget: on a busy 2-core machine a mock call can take seconds.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000, globalSetup: ["${scope}/prism-mock/test-temp-dir", "./test/global-setup.ts"] } });
`;
}

function readme(names: ProviderNames): string {
  return `# ${names.packageName}

A typed client for the ${names.pascal} customers API, generated from an OpenAPI 3.1 spec.

## Install

\`\`\`sh
pnpm add ${names.packageName}   # or: npm install ${names.packageName}
\`\`\`

Node 20 or later, or any runtime with \`fetch\`. ESM only.

## Use

\`\`\`ts
import { ${names.factory}, unwrap } from "${names.packageName}";

const client = ${names.factory}({ accessToken: "your token" });
const { customers } = unwrap(await client.GET("/customers"));
\`\`\`

## Operations

<!-- operations:start (generated from the spec by pnpm generate) -->
<!-- operations:end -->

## Models

<!-- models:start (generated from the spec by pnpm generate) -->
<!-- models:end -->

The spec is \`specs/${names.slug}/customers.yaml\` in the repository.
`;
}

function indexTemplate(names: ProviderNames, scope: string): string {
  return `import { createApiClient, headerAuth, requireCredential, type ApiClient, type ClientConfig } from "${scope}/client-runtime";
import type { components, operations, paths } from "./generated/customers.js";
import { defaultBaseUrl, operations as operationList, packageId, type OperationMethods } from "./generated/operations.js";

export interface ${names.pascal}ClientOptions extends ClientConfig {
  /** An API access token, sent as \`Authorization: Bearer <token>\`. Default: the ${tokenVariable(names)} variable. */
  accessToken?: string | undefined;
}

/** A client for the ${names.pascal} customers API, typed by its spec. */
export type ${names.pascal}Client = ApiClient<paths> & OperationMethods;

/** Creates a ${names.pascal} customers client. Every call returns openapi-fetch's \`{ data, error, response }\`. */
export function ${names.factory}(options: ${names.pascal}ClientOptions = {}): ${names.pascal}Client {
  const { accessToken: givenToken, ...config } = options ?? {};
  const accessToken = requireCredential("${names.factory}", "accessToken", givenToken, "${tokenVariable(names)}");
  return createApiClient<paths, OperationMethods>({
    ...config,
    defaultBaseUrl,
    operations: operationList,
    packageId,
    auth: headerAuth({ Authorization: \`Bearer \${accessToken}\` }, [accessToken]),
  });
}

export type Customer = components["schemas"]["Customer"];
export type { components, OperationMethods, operations, paths };
export { operations as operationList } from "./generated/operations.js";
export * from "${scope}/client-runtime/public-api";
`;
}

/** `ACME_CRM_ACCESS_TOKEN`: the variable a scaffolded factory falls back to, as every factory has one. */
export function tokenVariable(names: ProviderNames): string {
  return `${names.slug.toUpperCase().replaceAll("-", "_")}_ACCESS_TOKEN`;
}

function globalSetup(names: ProviderNames, scope: string): string {
  return `import { fileURLToPath } from "node:url";
import { mockGlobalSetup } from "${scope}/customers-mock/vitest";

export default mockGlobalSetup(fileURLToPath(new URL("../../../specs/${names.slug}/customers.yaml", import.meta.url)));
`;
}

function consumerExample(names: ProviderNames): string {
  return `/**
 * What a user writes against the published package. The release test installs the package from
 * a registry, points this import at it, compiles it strictly (no Node types) and runs \`consume\`
 * against a Prism mock of the spec: the package works as installed, not only in the workspace.
 */
import { ${names.factory}, unwrap } from "../src/index.js";

export async function consume(baseUrl: string): Promise<void> {
  const client = ${names.factory}({ accessToken: "token", baseUrl });
  const customer = unwrap(await client.GET("/customers/{customer_id}", { params: { path: { customer_id: 1 } } }));
  if (customer.name !== "Example Ltd") throw new Error(\`got \${customer.name}, not the spec's example\`);
}
`;
}

function contractTest(names: ProviderNames, scope: string): string {
  return `import { fileURLToPath } from "node:url";
import { specConformance, testConformance, withoutHeader } from "${scope}/prism-mock/conformance";
import { describe, expect, inject, it, vi } from "vitest";
import { ${names.factory}, unwrap, type ${names.pascal}Client, type operations } from "../src/index.js";
import { consume } from "./consumer.js";

const baseUrl = inject("mockUrl");
const client = ${names.factory}({ accessToken: "test-token", baseUrl });
const customer = { params: { path: { customer_id: 1 } } };

describe("${names.pascal} customers against the Prism mock of its spec", () => {
  it("lists customers", async () => {
    const { customers } = unwrap(await client.GET("/customers"));
    expect(customers.length).toBeGreaterThan(0);
  });

  it("gets a customer", async () => {
    const found = unwrap(await client.GET("/customers/{customer_id}", customer));
    expect(found.id).toBe(1);
  });

  it("is refused without a token", async () => {
    const anonymous = ${names.factory}({ accessToken: "unused", baseUrl, fetch: withoutHeader("Authorization") });
    expect((await anonymous.GET("/customers")).response.status).toBe(401);
  });

  it("reads ${tokenVariable(names)} when no accessToken is given, and names both when neither is set", async () => {
    vi.stubEnv("${tokenVariable(names)}", "env-token");
    try {
      expect((await ${names.factory}({ baseUrl }).GET("/customers")).response.status).toBe(200);
      vi.stubEnv("${tokenVariable(names)}", "");
      expect(() => ${names.factory}({ baseUrl })).toThrow("${names.factory} needs accessToken: pass the \`accessToken\` option or set ${tokenVariable(names)}");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("every answer the spec documents arrives as the types promise", () => {
  const conformance = specConformance<${names.pascal}Client, keyof operations>(fileURLToPath(new URL("../openapi.yaml", import.meta.url)), {
    baseUrl,
    client: (url) => ${names.factory}({ accessToken: "test-token", baseUrl: url, maxRetries: 0 }),
    calls: {
      listCustomers: (client, headers) => client.listCustomers({}, { headers }),
      getCustomer: (client, headers) => client.getCustomer({ customer_id: 1 }, { headers }),
    },
  });

  testConformance(conformance, { it, expect });
});

it("runs the consumer example, which the release test runs against the published package", () => consume(baseUrl));
`;
}
